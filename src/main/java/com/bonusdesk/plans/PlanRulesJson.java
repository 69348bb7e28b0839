package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;
import com.bonusdesk.workflow.Chain;

/** Plan parameters and approval chains to and from the JSON stored with each version. */
@Component
class PlanRulesJson {

    private final JsonMapper json;

    PlanRulesJson(JsonMapper json) {
        this.json = json;
    }

    PlanRules read(PlanKind kind, String text) {
        return json.readValue(text, kind.rulesType());
    }

    String write(PlanRules rules) {
        return json.writeValueAsString(rules);
    }

    Chain readChain(String text) {
        return new Chain(List.of(json.readValue(text, StoredStep[].class)).stream()
                .map(step -> new Chain.Step(Chain.Approver.ofCode(step.approver()).orElseThrow(
                        () -> new IllegalStateException("Unknown approver " + step.approver())), step.above()))
                .toList());
    }

    String writeChain(Chain chain) {
        return json.writeValueAsString(chain.steps().stream()
                .map(step -> new StoredStep(step.approver().code(), step.above())).toList());
    }

    /** A step as stored: the approver's code and the threshold it applies above. */
    record StoredStep(String approver, BigDecimal above) {
    }
}
