package com.bonusdesk.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.PlanBook;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;
import com.bonusdesk.calculation.PlanVersion;

/** The published plan versions, as the calculation and the screens read them. */
@Service
@RequiredArgsConstructor
public class PlanCatalogue implements PlanBook {

    private final StoredPlanVersionRepository versions;
    private final PlanRulesJson json;

    @Override
    @Transactional(readOnly = true)
    public <R extends PlanRules> Optional<PlanVersion<R>> inForce(PlanKind kind, Class<R> rules, LocalDate date) {
        return versions.findInForce(kind, date).map(stored -> toPlanVersion(stored, rules));
    }

    @Transactional(readOnly = true)
    public List<StoredPlanVersion> history(PlanKind kind) {
        return versions.findByKindOrderByNumberDesc(kind);
    }

    @Transactional(readOnly = true)
    public Optional<StoredPlanVersion> find(long id) {
        return versions.findById(id);
    }

    PlanRules rulesOf(StoredPlanVersion stored) {
        return json.read(stored.getKind(), stored.getRules());
    }

    private <R extends PlanRules> PlanVersion<R> toPlanVersion(StoredPlanVersion stored, Class<R> type) {
        return new PlanVersion<>(stored.getKind(), stored.getNumber(), stored.getValidFrom(), stored.getValidTo(),
                type.cast(rulesOf(stored)));
    }
}
