package com.bonusdesk.people;

/** Bank account numbers are personal data: shown with only their last four digits, except on the payout sheet. */
public final class BankAccounts {

    private BankAccounts() {
    }

    public static String masked(String account) {
        if (account == null || account.isEmpty()) {
            return null;
        }
        return "**** " + account.substring(Math.max(0, account.length() - 4));
    }
}
