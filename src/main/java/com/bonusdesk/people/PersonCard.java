package com.bonusdesk.people;

/**
 * Who a person is, as lists and payout sheets name them; the bank details are a partner's, in full, for the
 * payout sheet only.
 */
public record PersonCard(long id, String username, String displayName, String employeeNumber, String department,
        String bankName, String bankAccount) {
}
