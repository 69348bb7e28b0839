package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/** Money is CNY held exactly, rounded half-up to the cent unless a plan names a coarser step. */
public final class Money {

    /** The longest {@link #show} of an amount whose cents fit a long: a sign, 19 digits, 6 commas and a point. */
    private static final int SHOWN_LONG_MAX = 27;

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    public static final BigDecimal CENT = new BigDecimal("0.01");
    /** The largest amount the product accepts anywhere: 999,999,999,999.99. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    public static BigDecimal of(String amount) {
        return cents(new BigDecimal(amount));
    }

    /**
     * An amount as people type it or an ERP exports it ({@code 1,234.5}): within ±{@link #MAX} and with at most
     * two decimals, in cents; empty for anything else.
     */
    public static Optional<BigDecimal> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(typed.strip().replace(",", ""));
            return amount.abs().compareTo(MAX) <= 0 && amount.stripTrailingZeros().scale() <= 2
                    ? Optional.of(cents(amount)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Half-up to the cent. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Half-up to a multiple of {@code step} (e.g. 100.00 for "nearest hundred"), kept at two decimals. */
    public static BigDecimal roundTo(BigDecimal amount, BigDecimal step) {
        if (step == null || step.compareTo(CENT) == 0) {
            return cents(amount);
        }
        return cents(amount.divide(step, 0, RoundingMode.HALF_UP).multiply(step));
    }

    /** {@code 1234.5} as {@code 1,234.50}: the way amounts appear in explanations, in both languages. */
    public static String show(BigDecimal amount) {
        // what String.format(Locale.ROOT, "%,.2f", amount) writes (a sign kept even when it rounds to zero), written
        // digit by digit: explanations show several amounts each, and the calculation is hot
        BigInteger cents = amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().abs();
        if (cents.bitLength() >= Long.SIZE) {
            return String.format(Locale.ROOT, "%,.2f", amount);
        }
        long left = cents.longValue();
        char[] shown = new char[SHOWN_LONG_MAX];
        int at = shown.length;
        shown[--at] = (char) ('0' + left % 10);
        left /= 10;
        shown[--at] = (char) ('0' + left % 10);
        left /= 10;
        shown[--at] = '.';
        int inGroup = 0;
        do {
            if (inGroup == 3) {
                shown[--at] = ',';
                inGroup = 0;
            }
            shown[--at] = (char) ('0' + left % 10);
            left /= 10;
            inGroup++;
        } while (left > 0);
        if (amount.signum() < 0) {
            shown[--at] = '-';
        }
        return new String(shown, at, shown.length - at);
    }

    /** A rate held as a fraction ({@code 0.005}) shown as a percentage ({@code 0.5%}). */
    public static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A rate (a fraction) as a number of percent, without trailing zeros: 0.10 is 10, 0.125 is 12.5. */
    public static BigDecimal inPercent(BigDecimal rate) {
        return new BigDecimal(rate.movePointRight(2).stripTrailingZeros().toPlainString());
    }
}
