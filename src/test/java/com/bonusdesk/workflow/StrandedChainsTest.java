package com.bonusdesk.workflow;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No step may be taken by someone whose taking it leaves a later step of the same item with nobody to take it: one
 * person takes one step of an item, so a general manager who takes the manager's step must leave another to take
 * the general manager's. Each test draws its own reporting line, so that nobody else's people are eligible.
 */
@IntegrationTest
class StrandedChainsTest {

    private static final AtomicLong ITEMS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private static final Approvals.Wording WORDING = new Approvals.Wording("claim.alreadyDecided", "claim.ownClaim",
            "claim.notYourDecision");

    private static final Chain MANAGER_THEN_LINE_GENERAL_MANAGER = Chain.of(
            new Chain.Step(new Chain.SubmittersManager(), Money.ZERO),
            new Chain.Step(new Chain.GeneralManagerOfLine(), Money.ZERO));

    @Autowired
    Approvals approvals;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOnlyGeneralManagerOfTheLineMayNotTakeTheManagersStepAndIsToldWhy() {
        long generalManager = person(null, Role.MANAGER, Role.DIRECTOR);
        long salesperson = person(generalManager, Role.SALES);
        Item item = open(salesperson, MANAGER_THEN_LINE_GENERAL_MANAGER);

        assertThat(mayDecide(item, generalManager)).as("screens offer no decision").isFalse();
        assertThatThrownBy(() -> decide(item, generalManager))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("approval.wouldStrand");
                    assertThat(refusal.arguments()).first().isEqualTo(2);
                });
        assertThat(openPosition(item)).as("nothing taken").isZero();
    }

    @Test
    void withAnotherGeneralManagerAboveTheStepIsTakenAndTheChainEndsWithTheOther() {
        long top = person(null, Role.MANAGER, Role.DIRECTOR);
        long generalManager = person(top, Role.MANAGER, Role.DIRECTOR);
        long salesperson = person(generalManager, Role.SALES);
        Item item = open(salesperson, MANAGER_THEN_LINE_GENERAL_MANAGER);

        assertThat(mayDecide(item, generalManager)).isTrue();
        assertThat(decide(item, generalManager)).as("one step of two").isFalse();
        assertThat(openPosition(item)).isEqualTo(1);
        assertThat(decide(item, top)).as("approved").isTrue();
    }

    @Test
    void twoLaterStepsNeedTwoPeopleNotOne() {
        long top = person(null, Role.MANAGER, Role.DIRECTOR);
        long generalManager = person(top, Role.MANAGER, Role.DIRECTOR);
        long manager = person(generalManager, Role.MANAGER);
        long salesperson = person(manager, Role.SALES);
        Chain threeSteps = Chain.of(new Chain.Step(new Chain.SubmittersManager(), Money.ZERO),
                new Chain.Step(new Chain.GeneralManagerOfLine(), Money.ZERO),
                new Chain.Step(new Chain.GeneralManagerOfLine(), Money.ZERO));

        Item taken = open(salesperson, threeSteps);
        assertThatThrownBy(() -> decide(taken, generalManager)).as("only top would be left for two steps")
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        refusal -> assertThat(refusal.arguments()).first().isEqualTo(3));
        assertThat(decide(taken, manager)).isFalse();
        assertThat(decide(taken, generalManager)).isFalse();
        assertThat(decide(taken, top)).isTrue();
    }

    @Test
    void aDeactivatedGeneralManagerLeavesNobodyForTheStep() {
        long top = person(null, Role.MANAGER, Role.DIRECTOR);
        long generalManager = person(top, Role.MANAGER, Role.DIRECTOR);
        long salesperson = person(generalManager, Role.SALES);
        jdbc.update("update person set active = false where id = ?", top);
        Item item = open(salesperson, MANAGER_THEN_LINE_GENERAL_MANAGER);

        assertThatThrownBy(() -> decide(item, generalManager)).isInstanceOf(Refusal.NotPermitted.class);
    }

    private record Item(long id, long submitter) implements Decidable {

        @Override
        public Long getId() {
            return id;
        }
    }

    private Item open(long submitter, Chain chain) {
        Item item = new Item(ITEMS.incrementAndGet(), submitter);
        transactions.executeWithoutResult(status -> approvals.open("TEST_ITEM", item, chain, new BigDecimal("100.00")));
        return item;
    }

    private boolean mayDecide(Item item, long personId) {
        return Boolean.TRUE.equals(transactions.execute(status ->
                approvals.mayDecide("TEST_ITEM", item, approvals.decider(personId))));
    }

    private boolean decide(Item item, long personId) {
        return Boolean.TRUE.equals(transactions.execute(status -> approvals.decide(
                approvals.requireTurn("TEST_ITEM", item, approvals.decider(personId), WORDING), true, null)));
    }

    private int openPosition(Item item) {
        return jdbc.queryForObject("select position from approval_step where subject_type = 'TEST_ITEM' "
                + "and subject_id = ? and open", Integer.class, item.id());
    }

    private long person(Long manager, Role... roles) {
        return TestPeople.insert(jdbc, "chain-" + ITEMS.incrementAndGet(), manager, roles);
    }
}
