package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Chain;

/**
 * Drafting and publishing plan versions. A new version starts as a copy of the latest one; publishing it
 * closes its predecessor's window the day before. Nothing already computed changes, and a version can only
 * start today or later, so no order already placed is recomputed with it.
 */
@Service
@RequiredArgsConstructor
class PlanAdministration {

    private final StoredPlanVersionRepository versions;
    private final PlanRulesJson json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The plan's draft: the one being written, or a new copy of its latest version. */
    @Transactional
    StoredPlanVersion draft(PlanKind kind, String actor) {
        Optional<StoredPlanVersion> existing =
                versions.findFirstByKindAndStatusOrderByNumberDesc(kind, StoredPlanVersion.Status.DRAFT);
        if (existing.isPresent()) {
            return existing.get();
        }
        StoredPlanVersion latest = versions.findFirstByKindAndStatusOrderByNumberDesc(kind,
                StoredPlanVersion.Status.PUBLISHED).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        LocalDate start = latest.getValidFrom().isBefore(today) ? today : latest.getValidFrom().plusDays(1);
        StoredPlanVersion draft = versions.saveAndFlush(new StoredPlanVersion(latest, versions.highestNumber(kind) + 1,
                start, actor, clock.instant()));
        events.publishEvent(new PlanChanged(actor, draft.getId(), label(draft), PlanChanged.Change.DRAFT_STARTED,
                null, draft.describe()));
        return draft;
    }

    @Transactional
    void save(long id, long seenVersion, LocalDate validFrom, LocalDate validTo, PlanRules rules, Chain approvalChain,
            BigDecimal budgetAmount, StoredPlanVersion.BudgetPeriod budgetPeriod, String actor) {
        StoredPlanVersion draft = versions.findById(id).orElseThrow(Refusal.NotFound::new);
        if (!draft.isDraft()) {
            throw new Refusal.WrongState("plan.readOnly");
        }
        if (draft.getVersion() != seenVersion) {
            throw new Refusal.WrongState("plan.stale");
        }
        String before = draft.describe();
        draft.revise(validFrom, validTo, json.write(rules), approvalChain == null ? null : json.writeChain(approvalChain),
                budgetAmount, budgetPeriod);
        flush();
        events.publishEvent(new PlanChanged(actor, id, label(draft), PlanChanged.Change.DRAFT_SAVED, before,
                draft.describe()));
    }

    /**
     * Publishes a draft: refused while it starts in the past or not after the latest published version, and when
     * it is no draft any more (someone published or discarded it meanwhile).
     */
    @Transactional
    void publish(long id, String actor) {
        StoredPlanVersion draft = versions.findById(id).orElseThrow(Refusal.NotFound::new);
        Optional<StoredPlanVersion> published = versions.findFirstByKindAndStatusOrderByNumberDesc(draft.getKind(),
                StoredPlanVersion.Status.PUBLISHED);
        if (!draft.isDraft() || published.filter(latest -> latest.getId().equals(draft.getId())).isPresent()) {
            throw new Refusal.WrongState("plan.readOnly");
        }
        if (draft.getValidFrom().isBefore(LocalDate.now(clock))) {
            throw new Refusal.NotEligible("PUBLISH_IN_THE_PAST", "plan.publish.past");
        }
        if (published.filter(latest -> !draft.getValidFrom().isAfter(latest.getValidFrom())).isPresent()) {
            throw new Refusal.NotEligible("NOT_AFTER_LATEST", "plan.publish.notAfterLatest");
        }
        versions.findFirstByKindAndStatusOrderByNumberDesc(draft.getKind(), StoredPlanVersion.Status.PUBLISHED)
                .ifPresent(latest -> {
                    String before = latest.describe();
                    latest.supersedeFrom(draft.getValidFrom());
                    if (!before.equals(latest.describe())) {
                        events.publishEvent(new PlanChanged(actor, latest.getId(), label(latest),
                                PlanChanged.Change.PUBLISHED, before, latest.describe()));
                    }
                });
        String before = draft.describe();
        draft.publish(actor, clock.instant());
        flush();
        events.publishEvent(new PlanChanged(actor, id, label(draft), PlanChanged.Change.PUBLISHED, before,
                draft.describe()));
    }

    @Transactional
    void discard(long id, String actor) {
        StoredPlanVersion draft = versions.findById(id).orElseThrow(Refusal.NotFound::new);
        if (!draft.isDraft()) {
            throw new Refusal.WrongState("plan.readOnly");
        }
        versions.delete(draft);
        flush();
        events.publishEvent(new PlanChanged(actor, id, label(draft), PlanChanged.Change.DRAFT_DISCARDED,
                draft.describe(), null));
    }

    /** Writes now: of two administrators changing one version at once, the second is told it changed. */
    private void flush() {
        try {
            versions.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new Refusal.WrongState("plan.stale");
        }
    }

    static String label(StoredPlanVersion version) {
        return version.getKind() + " v" + version.getNumber();
    }
}
