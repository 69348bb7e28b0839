package com.bonusdesk.customerreferrals;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.ledger.Ledger;

/**
 * How far the customer referrals whose first visit fell in a period went: registered at the visit, a deal
 * signed, the reward approved, the reward paid by a payout run. Read from the referrals and the ledger each time.
 */
@Service
@RequiredArgsConstructor
public class CustomerReferralFunnel {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;

    /** The counts at each stage; each stage is a part of the one before. */
    public record Stages(long registered, long dealsSigned, long rewardsApproved, long rewardsPaid) {
    }

    /**
     * The referrals first visited from {@code from} to {@code to}: everyone's, or only those that
     * {@code registrars} registered when given.
     */
    @Transactional(readOnly = true)
    public Stages of(Collection<Long> registrars, LocalDate from, LocalDate to) {
        long[] counts = new long[3];
        List<Long> approved = new ArrayList<>();
        jdbc.query("select id, deal_signed_date is not null, status from customer_referral"
                + " where first_visit_on between ? and ?" + (registrars == null ? "" : " and registered_by = any(?)"),
                (PreparedStatement statement) -> bind(statement, from, to, registrars), row -> {
                    counts[0]++;
                    if (row.getBoolean(2)) {
                        counts[1]++;
                    }
                    if (CustomerReferralStatus.APPROVED.name().equals(row.getString(3))) {
                        counts[2]++;
                        approved.add(row.getLong(1));
                    }
                });
        return new Stages(counts[0], counts[1], counts[2],
                ledger.paidSources(CustomerReferralService.SOURCE, approved).size());
    }

    private static void bind(PreparedStatement statement, LocalDate from, LocalDate to, Collection<Long> people)
            throws SQLException {
        statement.setObject(1, from);
        statement.setObject(2, to);
        if (people != null) {
            statement.setArray(3, statement.getConnection().createArrayOf("bigint", people.toArray()));
        }
    }
}
