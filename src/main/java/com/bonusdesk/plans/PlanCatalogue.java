package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.PlanBook;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;
import com.bonusdesk.calculation.PlanVersion;
import com.bonusdesk.workflow.Chain;

/** The published plan versions, as the calculation and the screens read them. */
@Service
@RequiredArgsConstructor
public class PlanCatalogue implements PlanBook {

    private final StoredPlanVersionRepository versions;
    private final PlanRulesJson json;

    @Override
    @Transactional(readOnly = true)
    public <R extends PlanRules> Optional<PlanVersion<R>> inForce(PlanKind kind, Class<R> rules, LocalDate date) {
        return versions.findInForce(kind, date).map(stored -> toPlanVersion(stored, rules));
    }

    @Transactional(readOnly = true)
    public List<StoredPlanVersion> history(PlanKind kind) {
        return versions.findByKindOrderByNumberDesc(kind);
    }

    @Transactional(readOnly = true)
    public Optional<StoredPlanVersion> find(long id) {
        return versions.findById(id);
    }

    /** The first day any published plan is in force: before it, nothing can have been earned. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> firstDayInForce() {
        return versions.findByStatus(StoredPlanVersion.Status.PUBLISHED).stream().map(StoredPlanVersion::getValidFrom)
                .min(Comparator.naturalOrder());
    }

    /** Every version of every plan, drafts included, each plan's newest first. */
    @Transactional(readOnly = true)
    public List<StoredPlanVersion> all() {
        return versions.findAllByOrderByKindAscNumberDesc();
    }

    /**
     * The published versions read once, as a book that answers without the database: for work that asks for many
     * results, such as a simulation. {@code replacing}, when given, answers for its plan on every date instead.
     */
    @Transactional(readOnly = true)
    public PlanBook snapshot(StoredPlanVersion replacing) {
        List<PlanVersion<?>> published = versions.findByStatus(StoredPlanVersion.Status.PUBLISHED).stream()
                .filter(stored -> replacing == null || stored.getKind() != replacing.getKind())
                .<PlanVersion<?>>map(stored -> toPlanVersion(stored, PlanRules.class))
                .collect(Collectors.toCollection(ArrayList::new));
        if (replacing != null) {
            published.add(new PlanVersion<>(replacing.getKind(), replacing.getNumber(), LocalDate.MIN, null,
                    rulesOf(replacing)));
        }
        return PlanBook.of(published);
    }

    /** The budget set by the version of {@code kind} in force on {@code date}, if it sets one. */
    @Transactional(readOnly = true)
    public Optional<Budget> budgetOn(PlanKind kind, LocalDate date) {
        return versions.findInForce(kind, date)
                .filter(stored -> stored.getBudgetAmount() != null && stored.getBudgetPeriod() != null)
                .map(stored -> new Budget(stored.getBudgetAmount(), stored.getBudgetPeriod(),
                        stored.getBudgetPeriod().firstDay(date), stored.getBudgetPeriod().lastDay(date)));
    }

    /**
     * The approval chain of the version of {@code kind} in force on {@code date}; none when no version is in
     * force or the plan approves nothing.
     */
    @Transactional(readOnly = true)
    public Optional<Chain> approvalChainOn(PlanKind kind, LocalDate date) {
        return versions.findInForce(kind, date).map(StoredPlanVersion::getApprovalChain).map(json::readChain);
    }

    /** The chain a stored version holds, if its plan approves anything. */
    Optional<Chain> chainOf(StoredPlanVersion stored) {
        return Optional.ofNullable(stored.getApprovalChain()).map(json::readChain);
    }

    /** What a plan may spend in the period holding a date: its amount, and the period's first and last day. */
    public record Budget(BigDecimal amount, StoredPlanVersion.BudgetPeriod period, LocalDate from, LocalDate to) {
    }

    PlanRules rulesOf(StoredPlanVersion stored) {
        return json.read(stored.getKind(), stored.getRules());
    }

    private <R extends PlanRules> PlanVersion<R> toPlanVersion(StoredPlanVersion stored, Class<R> type) {
        return new PlanVersion<>(stored.getKind(), stored.getNumber(), stored.getValidFrom(), stored.getValidTo(),
                type.cast(rulesOf(stored)));
    }
}
