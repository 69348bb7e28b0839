package com.bonusdesk.plans;

/** Published when a plan version is drafted, saved, published or discarded, for the audit trail. */
public record PlanChanged(String actor, long versionId, String label, Change change, String before, String after) {

    public enum Change {
        DRAFT_STARTED,
        DRAFT_SAVED,
        PUBLISHED,
        DRAFT_DISCARDED
    }
}
