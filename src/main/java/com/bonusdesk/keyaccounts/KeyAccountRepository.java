package com.bonusdesk.keyaccounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface KeyAccountRepository extends JpaRepository<KeyAccount, Long> {

    Optional<KeyAccount> findByClientId(long clientId);

    /** The accounts designated by {@code day}: the ones a month ending then is computed for. */
    List<KeyAccount> findByValidFromLessThanEqualOrderByIdAsc(LocalDate day);

    /**
     * Key accounts whose client's code or current name matches {@code pattern} (a lower-case LIKE pattern), with a
     * class and mode or any, by client code.
     */
    @Query(value = """
            select k.* from key_account k join client c on c.id = k.client_id
            where (lower(c.code) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\')
              and (cast(:clientClass as varchar) is null or k.client_class = cast(:clientClass as varchar))
              and (cast(:mode as varchar) is null or k.mode = cast(:mode as varchar))
            order by c.code""",
            countQuery = """
            select count(*) from key_account k join client c on c.id = k.client_id
            where (lower(c.code) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\')
              and (cast(:clientClass as varchar) is null or k.client_class = cast(:clientClass as varchar))
              and (cast(:mode as varchar) is null or k.mode = cast(:mode as varchar))""",
            nativeQuery = true)
    Page<KeyAccount> search(@Param("pattern") String pattern, @Param("clientClass") String clientClass,
            @Param("mode") String mode, Pageable pageable);
}
