package com.bonusdesk.plans;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import com.bonusdesk.calculation.Money;

/** Helps templates put plan parameters into words: {@code ${@planWords.percent(rate)}}. */
@Component("planWords")
public class PlanWords {

    public String percent(BigDecimal rate) {
        return rate == null ? "" : Money.percent(rate);
    }
}
