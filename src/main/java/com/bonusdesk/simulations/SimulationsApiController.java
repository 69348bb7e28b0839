package com.bonusdesk.simulations;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.plans.StoredPlanVersion;
import com.bonusdesk.refusal.Refusal;

/**
 * Plans and their simulations for programs: {@code GET /api/v1/plans}, {@code POST
 * /api/v1/plan-versions/{id}/simulations} (202 with the simulation's id; by default the last full quarter) and
 * {@code GET /api/v1/simulations/{id}} (its status, progress and, once done, its figures as decimal strings).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
@RequiredArgsConstructor
class SimulationsApiController {

    private final Simulations simulations;
    private final PlanCatalogue catalogue;
    private final Clock clock;

    /** A plan version as the list shows it. */
    record Version(long id, String plan, int version, String status, LocalDate validFrom, LocalDate validTo) {
    }

    /** A plan with its versions, newest first. */
    record Plan(String plan, List<Version> versions) {
    }

    @GetMapping("/api/v1/plans")
    List<Plan> plans() {
        Map<String, List<Version>> byPlan = new LinkedHashMap<>();
        for (StoredPlanVersion stored : catalogue.all()) {
            byPlan.computeIfAbsent(stored.getKind().name(), plan -> new ArrayList<>())
                    .add(new Version(stored.getId(), stored.getKind().name(), stored.getNumber(),
                            stored.getStatus().name(), stored.getValidFrom(), stored.getValidTo()));
        }
        return byPlan.entrySet().stream().map(plan -> new Plan(plan.getKey(), plan.getValue())).toList();
    }

    /** The period to replay; either end left out falls back on the last full quarter's. */
    record SimulationRequest(LocalDate from, LocalDate to) {
    }

    @PostMapping("/api/v1/plan-versions/{id}/simulations")
    ResponseEntity<Map<String, Object>> simulate(@PathVariable long id,
            @RequestBody(required = false) SimulationRequest request, Principal principal) {
        LocalDate[] quarter = Simulations.lastFullQuarter(LocalDate.now(clock));
        LocalDate from = request == null || request.from() == null ? quarter[0] : request.from();
        LocalDate to = request == null || request.to() == null ? quarter[1] : request.to();
        long simulation = simulations.start(id, from, to, principal.getName(), SimulationsController.WAIT);
        return ResponseEntity.accepted().location(URI.create("/api/v1/simulations/" + simulation))
                .body(Map.of("id", simulation));
    }

    @GetMapping("/api/v1/simulations/{id}")
    Map<String, Object> simulation(@PathVariable long id) {
        Simulations.Simulation simulation = simulations.find(id).orElseThrow(Refusal.NotFound::new);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", simulation.id());
        body.put("planVersionId", simulation.planVersionId());
        body.put("from", simulation.from());
        body.put("to", simulation.to());
        body.put("status", simulation.status());
        body.put("progress", simulation.progress());
        SimulationResult result = simulation.result();
        if (result != null) {
            body.put("total", result.total());
            body.put("baseline", result.baseline());
            body.put("difference", result.difference());
            body.put("byRule", result.byRule());
            body.put("byMonth", result.byMonth());
            body.put("byTeam", result.byTeam());
            body.put("changes", result.changes());
            body.put("gainers", result.gainers());
            body.put("losers", result.losers());
            body.put("collected", result.collected());
            body.put("shareBaseline", result.shareBaseline());
            body.put("share", result.share());
            body.put("budgetPeriod", result.budgetPeriod());
            body.put("budgetNeeded", result.budgetNeeded());
        }
        if (simulation.failure() != null) {
            body.put("failure", simulation.failure());
        }
        return body;
    }
}
