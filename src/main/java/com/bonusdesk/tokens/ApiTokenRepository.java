package com.bonusdesk.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findBySecretHash(String secretHash);

    List<ApiToken> findByPersonIdOrderByCreatedAtDescIdDesc(long personId);

    List<ApiToken> findByPersonIdAndRevokedAtIsNull(long personId);

    boolean existsByPersonIdAndNameAndRevokedAtIsNull(long personId, String name);

    /** Records a use, at most once a minute per token: a busy integration does not write on every call. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int touch(@Param("id") long id, @Param("now") Instant now, @Param("before") Instant before);
}
