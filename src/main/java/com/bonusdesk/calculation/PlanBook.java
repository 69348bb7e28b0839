package com.bonusdesk.calculation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the calculation finds the plan version in force on a date. */
public interface PlanBook {

    <R extends PlanRules> Optional<PlanVersion<R>> inForce(PlanKind kind, Class<R> rules, LocalDate date);

    /** A fixed set of versions: the shipped defaults, or what a test needs. */
    static PlanBook of(List<PlanVersion<?>> versions) {
        // each kind's versions newest first, so that a lookup (made for every result) stops at the first in force
        Map<PlanKind, List<PlanVersion<?>>> byKind = new EnumMap<>(PlanKind.class);
        versions.stream()
                .sorted(Comparator.comparingInt((PlanVersion<?> version) -> version.number()).reversed())
                .forEach(version -> byKind.computeIfAbsent(version.kind(), kind -> new ArrayList<>()).add(version));
        byKind.replaceAll((kind, newestFirst) -> List.copyOf(newestFirst));
        return new PlanBook() {
            @Override
            @SuppressWarnings("unchecked")
            public <R extends PlanRules> Optional<PlanVersion<R>> inForce(PlanKind kind, Class<R> rules, LocalDate date) {
                for (PlanVersion<?> version : byKind.getOrDefault(kind, List.of())) {
                    if (version.inForceOn(date)) {
                        return Optional.of((PlanVersion<R>) version);
                    }
                }
                return Optional.empty();
            }
        };
    }
}
