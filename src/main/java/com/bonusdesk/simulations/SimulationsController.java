package com.bonusdesk.simulations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.refusal.Refusal;

/**
 * "Simulate" on a plan version's page: the period (by default the last full quarter) replayed through the version,
 * then the simulation's page, which shows its progress until it is done and then what the version would have cost.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
@RequiredArgsConstructor
class SimulationsController {

    /** How long the request waits for a simulation before showing its progress instead. */
    static final Duration WAIT = Duration.ofSeconds(8);

    private final Simulations simulations;
    private final PlanCatalogue catalogue;
    private final Clock clock;
    private final JsonMapper json;
    private final SimulationSheet sheet;

    @PostMapping("/simulations")
    String simulate(@RequestParam(name = "versionId") long versionId,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal principal) {
        LocalDate[] quarter = Simulations.lastFullQuarter(LocalDate.now(clock));
        long id = simulations.start(versionId, from == null ? quarter[0] : from, to == null ? quarter[1] : to,
                principal.getName(), WAIT);
        return "redirect:/simulations/" + id;
    }

    /** A version's simulations, to pick the ones to compare. */
    @GetMapping("/simulations")
    String ofVersion(@RequestParam(name = "version") long versionId, Model model) {
        model.addAttribute("version", catalogue.find(versionId).orElseThrow(Refusal.NotFound::new));
        model.addAttribute("simulations", simulations.ofVersion(versionId));
        return "simulations/list";
    }

    /** Simulations side by side: each one's rules as they were simulated, and what they cost. */
    @GetMapping("/simulations/compare")
    String compare(@RequestParam(name = "ids", required = false) List<Long> ids, Model model) {
        List<Simulations.Simulation> compared = simulations.all(ids == null ? List.of() : ids).stream()
                .filter(simulation -> simulation.result() != null).toList();
        if (compared.size() < 2) {
            throw new Refusal.InvalidInput("ids", "simulation.compare.two");
        }
        Set<String> parameters = new LinkedHashSet<>();
        Set<String> months = new TreeSet<>();
        Set<String> rules = new TreeSet<>();
        compared.forEach(simulation -> {
            parameters.addAll(simulation.rules().keySet());
            simulation.result().byMonth().forEach(row -> months.add(row.key()));
            simulation.result().byRule().forEach(row -> rules.add(row.key()));
        });
        model.addAttribute("compared", compared);
        model.addAttribute("parameters", parameters);
        model.addAttribute("months", months);
        model.addAttribute("rules", rules);
        model.addAttribute("version", catalogue.find(compared.get(0).planVersionId()).orElseThrow(Refusal.NotFound::new));
        return "simulations/compare";
    }

    /** A finished simulation as a workbook, for the meeting where the plan change is decided. */
    @GetMapping("/simulations/{id}/simulation.xlsx")
    void download(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        Simulations.Simulation simulation = simulations.find(id).orElseThrow(Refusal.NotFound::new);
        if (simulation.result() == null) {
            throw new Refusal.WrongState("simulation.notDone");
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("simulation-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString());
        sheet.write(simulation, locale, response.getOutputStream());
    }

    @GetMapping("/simulations/{id}")
    String simulation(@PathVariable long id, Model model) {
        Simulations.Simulation simulation = simulations.find(id).orElseThrow(Refusal.NotFound::new);
        model.addAttribute("simulation", simulation);
        if (simulation.result() != null) {
            model.addAttribute("figuresJson", json.writeValueAsString(Map.of("byMonth", simulation.result().byMonth())));
        }
        model.addAttribute("version", catalogue.find(simulation.planVersionId()).orElseThrow(Refusal.NotFound::new));
        return "simulations/simulation";
    }
}
