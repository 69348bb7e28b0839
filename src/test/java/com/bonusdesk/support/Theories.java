package com.bonusdesk.support;

import java.math.BigDecimal;

import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Property tests with QuickTheories: many generated inputs, shrunk to the smallest that fails. The seed is fixed,
 * so a run is repeatable; change it to explore other inputs.
 */
public final class Theories {

    private static final long SEED = 20_261_130L;

    private Theories() {
    }

    public static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(1000);
    }

    /** Amounts of money from {@code from} to {@code to}, to the cent. */
    public static Gen<BigDecimal> amounts(String from, String to) {
        return SourceDSL.longs().between(cents(from), cents(to)).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    private static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
