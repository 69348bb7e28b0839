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
    void save(long id, long seenVersion, LocalDate validFrom, PlanRules rules, BigDecimal approvalThreshold,
            BigDecimal budgetAmount, StoredPlanVersion.BudgetPeriod budgetPeriod, String actor) {
        StoredPlanVersion draft = versions.findById(id).orElseThrow();
        if (draft.getVersion() != seenVersion) {
            throw new OptimisticLockingFailureException("Plan version " + id + " was changed by someone else");
        }
        String before = draft.describe();
        draft.revise(validFrom, json.write(rules), approvalThreshold, budgetAmount, budgetPeriod);
        versions.flush();
        events.publishEvent(new PlanChanged(actor, id, label(draft), PlanChanged.Change.DRAFT_SAVED, before,
                draft.describe()));
    }

    /** Why the draft cannot be published as it is, as a message key; empty when it can. */
    @Transactional(readOnly = true)
    Optional<String> problemPublishing(StoredPlanVersion draft) {
        if (draft.getValidFrom().isBefore(LocalDate.now(clock))) {
            return Optional.of("plan.publish.past");
        }
        Optional<StoredPlanVersion> latest = versions.findFirstByKindAndStatusOrderByNumberDesc(draft.getKind(),
                StoredPlanVersion.Status.PUBLISHED);
        if (latest.isPresent() && latest.get().getId().equals(draft.getId())) {
            // someone published this very draft since it was read: it is no longer a draft to publish
            return Optional.of("plan.readOnly");
        }
        if (latest.isPresent() && !draft.getValidFrom().isAfter(latest.get().getValidFrom())) {
            return Optional.of("plan.publish.notAfterLatest");
        }
        return Optional.empty();
    }

    @Transactional
    void publish(long id, String actor) {
        StoredPlanVersion draft = versions.findById(id).orElseThrow();
        problemPublishing(draft).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
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
        versions.flush();
        events.publishEvent(new PlanChanged(actor, id, label(draft), PlanChanged.Change.PUBLISHED, before,
                draft.describe()));
    }

    @Transactional
    void discard(long id, String actor) {
        StoredPlanVersion draft = versions.findById(id).orElseThrow();
        if (!draft.isDraft()) {
            throw new IllegalStateException("A published plan version is read-only");
        }
        versions.delete(draft);
        events.publishEvent(new PlanChanged(actor, id, label(draft), PlanChanged.Change.DRAFT_DISCARDED,
                draft.describe(), null));
    }

    private static String label(StoredPlanVersion version) {
        return version.getKind() + " v" + version.getNumber();
    }
}
