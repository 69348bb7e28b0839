package com.bonusdesk.calculation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Where the calculation finds the plan version in force on a date. */
public interface PlanBook {

    <R extends PlanRules> Optional<PlanVersion<R>> inForce(PlanKind kind, Class<R> rules, LocalDate date);

    /** A fixed set of versions: the shipped defaults, or what a test needs. */
    static PlanBook of(List<PlanVersion<?>> versions) {
        List<PlanVersion<?>> copy = List.copyOf(versions);
        return new PlanBook() {
            @Override
            @SuppressWarnings("unchecked")
            public <R extends PlanRules> Optional<PlanVersion<R>> inForce(PlanKind kind, Class<R> rules, LocalDate date) {
                return copy.stream()
                        .filter(version -> version.kind() == kind && version.inForceOn(date))
                        .max(Comparator.comparingInt(PlanVersion::number))
                        .map(version -> (PlanVersion<R>) version);
            }
        };
    }
}
