package com.bonusdesk.calculation;

/** How the referrer is related to the client's contact, as the application declares it. */
public enum Relationship {
    NONE,
    SELF,
    SPOUSE,
    PARENT,
    CHILD;

    /** The refusal this relationship earns, if any: referring oneself, or one's spouse, parent or child. */
    public String refusal() {
        return switch (this) {
            case NONE -> null;
            case SELF -> "SELF_REFERRAL";
            case SPOUSE, PARENT, CHILD -> "RELATED_PARTY";
        };
    }
}
