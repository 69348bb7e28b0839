package com.bonusdesk.calculation;

/** What a customer referral sold (seed 002). */
public enum PropertyType {
    RESIDENTIAL,
    COMMERCIAL,
    PARKING,
    STORAGE
}
