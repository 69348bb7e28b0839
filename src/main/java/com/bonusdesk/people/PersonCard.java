package com.bonusdesk.people;

/** Who a person is, as lists and payout sheets name them. */
public record PersonCard(long id, String username, String displayName, String employeeNumber, String department) {
}
