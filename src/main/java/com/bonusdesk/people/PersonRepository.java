package com.bonusdesk.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByUsername(String username);

    @EntityGraph(attributePaths = "manager", type = EntityGraph.EntityGraphType.LOAD)
    Optional<Person> findWithManagerById(Long id);

    boolean existsByUsername(String username);

    Optional<Person> findByEmployeeNumber(String employeeNumber);

    @EntityGraph(attributePaths = "manager", type = EntityGraph.EntityGraphType.LOAD)
    @Query("select p from Person p")
    Page<Person> findPage(Pageable pageable);

    /** {@code pattern} is a lower-case LIKE pattern whose wildcards in the user's text are escaped with {@code \}. */
    @EntityGraph(attributePaths = "manager", type = EntityGraph.EntityGraphType.LOAD)
    @Query("""
            select p from Person p
            where lower(p.username) like :pattern escape '\\'
               or lower(p.displayName) like :pattern escape '\\'
               or lower(coalesce(p.employeeNumber, '')) like :pattern escape '\\'
               or lower(coalesce(p.department, '')) like :pattern escape '\\'
            """)
    Page<Person> search(@Param("pattern") String pattern, Pageable pageable);

    List<Person> findByActiveTrueOrderByDisplayName();

    /** Everyone below the manager, directly or not; {@code union} ends a reporting line that loops. */
    @Query(value = """
            with recursive line(id) as (
                select id from person where manager_id = :manager
                union
                select p.id from person p join line on p.manager_id = line.id)
            select id from line""", nativeQuery = true)
    List<Long> findReportingLine(@Param("manager") long managerId);

    @Query("""
            select new com.bonusdesk.people.PersonCard(p.id, p.username, p.displayName, p.employeeNumber, p.department,
                   p.bankName, p.bankAccount)
            from Person p where p.id in :ids
            """)
    List<PersonCard> findCards(@Param("ids") Collection<Long> ids);

    @Query("""
            select new com.bonusdesk.people.PersonContact(p.id, p.username, p.displayName, p.email, p.language,
                   p.active)
            from Person p where p.id in :ids
            """)
    List<PersonContact> findContacts(@Param("ids") Collection<Long> ids);

    /** {@code pattern} as for {@link #search}: the people whose username, name or employee number match. */
    @Query("""
            select p.id from Person p
            where lower(p.username) like :pattern escape '\\'
               or lower(p.displayName) like :pattern escape '\\'
               or lower(coalesce(p.employeeNumber, '')) like :pattern escape '\\'
            """)
    List<Long> findIdsMatching(@Param("pattern") String pattern);

    @Query("select p.id from Person p join p.roles r where r = :role and p.active = true")
    List<Long> findActiveIdsWithRole(@Param("role") Role role);

    /** Everyone above the person in the reporting line who is active and holds the role, nearest first. */
    @Query(value = """
            with recursive up(id, depth) as (
                select manager_id, 1 from person where id = :person and manager_id is not null
                union
                select p.manager_id, up.depth + 1 from person p join up on p.id = up.id
                where p.manager_id is not null and up.depth < 100)
            select p.id from up join person p on p.id = up.id
            join person_role r on r.person_id = p.id and r.role = :role
            where p.active order by up.depth""", nativeQuery = true)
    List<Long> findAboveInLine(@Param("person") long personId, @Param("role") String role);

    @Query("select r from Person p join p.roles r where p.id = :id and p.active = true")
    Set<Role> findRolesOfActive(@Param("id") long id);

    @Query("select count(p) > 0 from Person p join p.roles r where r = :role and p.active = true")
    boolean existsActiveWithRole(@Param("role") Role role);
}
