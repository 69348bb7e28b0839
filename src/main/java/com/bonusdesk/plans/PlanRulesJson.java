package com.bonusdesk.plans;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;

/** Plan parameters to and from the JSON stored with each version. */
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
}
