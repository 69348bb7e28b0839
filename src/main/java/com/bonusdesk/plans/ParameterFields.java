package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bonusdesk.calculation.Cap;
import com.bonusdesk.calculation.CustomerReferralRules;
import com.bonusdesk.calculation.DealerRules;
import com.bonusdesk.calculation.InvalidRulesException;
import com.bonusdesk.calculation.KeyAccountRules;
import com.bonusdesk.calculation.MonthlyCountTiers;
import com.bonusdesk.calculation.NewClientRules;
import com.bonusdesk.calculation.OrderSizeTiers;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;
import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.SalesReferralRules;

/**
 * A plan's parameters as the fields of the draft editor: each field has a key (tiers.0.upTo), a type that
 * says how it is typed in (rates in percent), and a text value. Parsing gives the rules back, or the first
 * problem of each field. Tier tables get two empty rows to add tiers; an empty row is ignored.
 */
final class ParameterFields {

    enum Type {
        INTEGER, MONEY, OPTIONAL_MONEY, PERCENT, OPTIONAL_PERCENT, BOOLEAN
    }

    /**
     * One field of the editor: {@code label} names it under {@code plan.field.}, {@code group} (a message key,
     * or null) says what it belongs to, and {@code row} is its row in a table, or -1.
     */
    record Field(String key, String label, Type type, String group, int row) {
    }

    /** What the editor shows for a plan: its fields, in order, and their values. */
    record Layout(List<Field> fields, Map<String, String> values) {
    }

    /** Parsing failed: a message key (with arguments) per field key, or for the form as a whole under "". */
    static final class Problems extends Exception {

        private final Map<String, com.bonusdesk.calculation.Explanation> byField;

        Problems(Map<String, com.bonusdesk.calculation.Explanation> byField) {
            super("Invalid plan parameters: " + byField.keySet());
            this.byField = byField;
        }

        Map<String, com.bonusdesk.calculation.Explanation> byField() {
            return byField;
        }
    }

    private static final int SPARE_ROWS = 2;

    private ParameterFields() {
    }

    static Layout of(PlanRules rules) {
        Builder layout = new Builder();
        if (rules instanceof NewClientRules r) {
            layout.integer("newClientYears", r.newClientYears())
                    .money("minOrderAmount", r.minOrderAmount())
                    .integer("minUnits", r.minUnits())
                    .percent("listPriceRate", r.listPriceRate())
                    .percent("belowListRate", r.belowListRate())
                    .integer("collectionWindowDays", r.collectionWindowDays());
        } else if (rules instanceof OrderSizeTiers r) {
            for (int i = 0; i < r.tiers().size() + SPARE_ROWS; i++) {
                OrderSizeTiers.Tier tier = i < r.tiers().size() ? r.tiers().get(i) : null;
                layout.row(i).optionalMoney("tiers." + i + ".upTo", "upTo", tier == null ? null : tier.upTo())
                        .row(i).optionalMoney("tiers." + i + ".bonus", "bonus", tier == null ? null : tier.bonus());
            }
        } else if (rules instanceof MonthlyCountTiers r) {
            for (int i = 0; i < r.tiers().size() + SPARE_ROWS; i++) {
                MonthlyCountTiers.Tier tier = i < r.tiers().size() ? r.tiers().get(i) : null;
                layout.row(i).field("tiers." + i + ".from", "from", Type.INTEGER,
                                tier == null ? "" : String.valueOf(tier.from()))
                        .row(i).optionalMoney("tiers." + i + ".bonus", "bonus", tier == null ? null : tier.bonus());
            }
        } else if (rules instanceof SalesReferralRules r) {
            layout.integer("applicationWorkingDays", r.applicationWorkingDays())
                    .money("bigClientMinSales", r.bigClientMinSales())
                    .percent("bigClientRate", r.bigClientRate())
                    .money("ordinaryClientMinSales", r.ordinaryClientMinSales())
                    .percent("ordinaryClientRate", r.ordinaryClientRate())
                    .integer("kickerMonths", r.kickerMonths())
                    .money("bigKickerThreshold", r.bigKickerThreshold())
                    .money("bigKickerBonus", r.bigKickerBonus())
                    .money("ordinaryKickerThreshold", r.ordinaryKickerThreshold())
                    .money("ordinaryKickerBonus", r.ordinaryKickerBonus())
                    .cap(r.cap());
        } else if (rules instanceof CustomerReferralRules r) {
            for (PropertyType type : PropertyType.values()) {
                CustomerReferralRules.Reward reward = r.rewards().get(type);
                String prefix = "rewards." + type.name() + ".";
                layout.group("property." + type.name()).field(prefix + "excluded", "excluded", Type.BOOLEAN, String.valueOf(reward.excluded()))
                        .field(prefix + "rate", "rate", Type.OPTIONAL_PERCENT, percentText(reward.rate()))
                        .optionalMoney(prefix + "roundTo", "roundTo", reward.roundTo())
                        .optionalMoney(prefix + "fixedAmount", "fixedAmount", reward.fixedAmount());
            }
            layout.group("plan.group.ranking");
            for (int i = 0; i < r.rankingPrizes().size() + SPARE_ROWS; i++) {
                layout.row(i).optionalMoney("rankingPrizes." + i, "rankingPrize",
                        i < r.rankingPrizes().size() ? r.rankingPrizes().get(i) : null);
            }
            layout.group(null).field("stacking", "stacking", Type.BOOLEAN, String.valueOf(r.stacking())).cap(r.cap());
        } else if (rules instanceof KeyAccountRules r) {
            for (int i = 0; i < r.tiers().size() + SPARE_ROWS; i++) {
                KeyAccountRules.Tier tier = i < r.tiers().size() ? r.tiers().get(i) : null;
                layout.row(i).optionalMoney("tiers." + i + ".upTo", "purchasesUpTo", tier == null ? null : tier.upTo())
                        .row(i).field("tiers." + i + ".cashRate", "cashRate", Type.OPTIONAL_PERCENT,
                                tier == null ? "" : percentText(tier.cashRate()))
                        .row(i).field("tiers." + i + ".discountRate", "discountRate", Type.OPTIONAL_PERCENT,
                                tier == null ? "" : percentText(tier.discountRate()));
            }
            layout.money("agreementFrom", r.agreementFrom());
        } else if (rules instanceof DealerRules r) {
            layout.steps("pickupSteps", r.pickupSteps()).steps("monthlySteps", r.monthlySteps())
                    .group(null).field("stacking", "dealerStacking", Type.BOOLEAN, String.valueOf(r.stacking()))
                    .percent("annualRate", r.annualRate());
        }
        return new Layout(layout.fields, layout.values);
    }

    static PlanRules parse(PlanKind kind, Map<String, String> values) throws Problems {
        Reader in = new Reader(values);
        Map<String, List<Integer>> tables = new HashMap<>();
        PlanRules rules = null;
        try {
            rules = switch (kind) {
                case NEW_CLIENT -> new NewClientRules(in.integer("newClientYears"), in.money("minOrderAmount"),
                        in.integer("minUnits"), in.percent("listPriceRate"), in.percent("belowListRate"),
                        in.integer("collectionWindowDays"));
                case ORDER_SIZE_TIER -> {
                    List<OrderSizeTiers.Tier> tiers = new ArrayList<>();
                    for (int i : in.table(tables, "tiers", ".upTo", ".bonus")) {
                        tiers.add(new OrderSizeTiers.Tier(in.optionalMoney("tiers." + i + ".upTo"),
                                in.money("tiers." + i + ".bonus")));
                    }
                    yield in.failed() ? null : new OrderSizeTiers(tiers);
                }
                case MONTHLY_COUNT_TIER -> {
                    List<MonthlyCountTiers.Tier> tiers = new ArrayList<>();
                    for (int i : in.table(tables, "tiers", ".from", ".bonus")) {
                        tiers.add(new MonthlyCountTiers.Tier(in.integer("tiers." + i + ".from"),
                                in.money("tiers." + i + ".bonus")));
                    }
                    yield in.failed() ? null : new MonthlyCountTiers(tiers);
                }
                case SALES_REFERRAL -> new SalesReferralRules(in.money("bigClientMinSales"), in.percent("bigClientRate"),
                        in.money("ordinaryClientMinSales"), in.percent("ordinaryClientRate"),
                        in.integer("applicationWorkingDays"), in.integer("kickerMonths"),
                        in.money("bigKickerThreshold"), in.money("bigKickerBonus"),
                        in.money("ordinaryKickerThreshold"), in.money("ordinaryKickerBonus"), in.cap());
                case CUSTOMER_REFERRAL -> {
                    Map<PropertyType, CustomerReferralRules.Reward> rewards = new EnumMap<>(PropertyType.class);
                    for (PropertyType type : PropertyType.values()) {
                        String prefix = "rewards." + type.name() + ".";
                        boolean excluded = in.bool(prefix + "excluded");
                        rewards.put(type, excluded ? CustomerReferralRules.Reward.excludedType()
                                : new CustomerReferralRules.Reward(false, in.optionalPercent(prefix + "rate"),
                                        in.optionalMoney(prefix + "roundTo"), in.optionalMoney(prefix + "fixedAmount")));
                    }
                    List<BigDecimal> prizes = new ArrayList<>();
                    for (int i : in.table(tables, "rankingPrizes", "", "")) {
                        prizes.add(in.money("rankingPrizes." + i));
                    }
                    yield new CustomerReferralRules(rewards, prizes, in.bool("stacking"), in.cap());
                }
                case KEY_ACCOUNT -> {
                    List<KeyAccountRules.Tier> tiers = new ArrayList<>();
                    for (int i : in.table(tables, "tiers", ".cashRate", ".discountRate")) {
                        tiers.add(new KeyAccountRules.Tier(in.optionalMoney("tiers." + i + ".upTo"),
                                in.percent("tiers." + i + ".cashRate"), in.percent("tiers." + i + ".discountRate")));
                    }
                    BigDecimal agreementFrom = in.money("agreementFrom");
                    yield in.failed() ? null : new KeyAccountRules(tiers, agreementFrom);
                }
                case DEALER -> {
                    List<DealerRules.Step> pickups = steps(in, tables, "pickupSteps");
                    List<DealerRules.Step> monthly = steps(in, tables, "monthlySteps");
                    BigDecimal annualRate = in.percent("annualRate");
                    yield in.failed() ? null : new DealerRules(pickups, monthly, in.bool("stacking"), annualRate);
                }
            };
        } catch (InvalidRulesException e) {
            in.problem(formKey(e.field(), tables), e.explanation());
        }
        if (in.failed() || rules == null) {
            throw new Problems(in.problems);
        }
        return rules;
    }

    /**
     * The editor's key for a field the rules name: {@code tiers[1].upTo} is the second row typed in, which is
     * {@code tiers.3.upTo} when rows 1 and 2 of the editor were left empty.
     */
    static String formKey(String field, Map<String, List<Integer>> tables) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("^(\\w+)\\[(\\d+)](.*)$").matcher(field);
        if (!row.matches()) {
            return field;
        }
        List<Integer> rows = tables.getOrDefault(row.group(1), List.of());
        int index = Integer.parseInt(row.group(2));
        return row.group(1) + "." + (index < rows.size() ? rows.get(index) : index) + row.group(3);
    }

    /** A table of steps, each a lower bound and a rate, as typed in the rows {@code name.N.from} and {@code .rate}. */
    private static List<DealerRules.Step> steps(Reader in, Map<String, List<Integer>> tables, String name) {
        List<DealerRules.Step> steps = new ArrayList<>();
        for (int i : in.table(tables, name, ".from", ".rate")) {
            steps.add(new DealerRules.Step(in.money(name + "." + i + ".from"), in.percent(name + "." + i + ".rate")));
        }
        return steps;
    }

    static String percentText(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static final class Builder {

        private final List<Field> fields = new ArrayList<>();
        private final Map<String, String> values = new LinkedHashMap<>();
        private int row = -1;
        private String group;

        Builder row(int index) {
            row = index;
            return this;
        }

        Builder group(String messageKey) {
            group = messageKey;
            return this;
        }

        Builder field(String key, String label, Type type, String value) {
            fields.add(new Field(key, label, type, group, row));
            values.put(key, value);
            row = -1;
            return this;
        }

        Builder integer(String key, int value) {
            return field(key, key, Type.INTEGER, String.valueOf(value));
        }

        Builder money(String key, BigDecimal value) {
            return field(key, key, Type.MONEY, value.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        }

        Builder optionalMoney(String key, String label, BigDecimal value) {
            return field(key, label, Type.OPTIONAL_MONEY, value == null ? "" : value.setScale(2).toPlainString());
        }

        Builder percent(String key, BigDecimal value) {
            return field(key, key, Type.PERCENT, percentText(value));
        }

        /** A table of steps under its own heading, with spare rows to add one. */
        Builder steps(String name, List<DealerRules.Step> steps) {
            group("plan.group." + name);
            for (int i = 0; i < steps.size() + SPARE_ROWS; i++) {
                DealerRules.Step step = i < steps.size() ? steps.get(i) : null;
                row(i).optionalMoney(name + "." + i + ".from", "amountFrom", step == null ? null : step.from())
                        .row(i).field(name + "." + i + ".rate", "rate", Type.OPTIONAL_PERCENT,
                                step == null ? "" : percentText(step.rate()));
            }
            return this;
        }

        Builder cap(Cap cap) {
            group("plan.group.cap");
            field("cap.shareOfBase", "cap.shareOfBase", Type.OPTIONAL_PERCENT,
                    cap == null ? "" : percentText(cap.shareOfBase()));
            return field("cap.amount", "cap.amount", Type.OPTIONAL_MONEY,
                    cap == null || cap.amount() == null ? "" : cap.amount().setScale(2).toPlainString());
        }
    }

    /** Reads typed values from the editor's text, noting the first problem of each field. */
    private static final class Reader {

        private final Map<String, String> values;
        private final Map<String, com.bonusdesk.calculation.Explanation> problems = new LinkedHashMap<>();

        Reader(Map<String, String> values) {
            this.values = values;
        }

        boolean failed() {
            return !problems.isEmpty();
        }

        void problem(String key, com.bonusdesk.calculation.Explanation explanation) {
            problems.putIfAbsent(key, explanation);
        }

        private String text(String key) {
            String value = values.get(key);
            return value == null ? "" : value.strip().replace(",", "");
        }

        int integer(String key) {
            try {
                return Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                problem(key, com.bonusdesk.calculation.Explanation.of("plan.invalid.integer"));
                return 0;
            }
        }

        BigDecimal money(String key) {
            BigDecimal amount = optionalMoney(key);
            if (amount == null && !problems.containsKey(key)) {
                problem(key, com.bonusdesk.calculation.Explanation.of("plan.invalid.required"));
            }
            return amount == null ? BigDecimal.ZERO : amount;
        }

        BigDecimal optionalMoney(String key) {
            String text = text(key);
            if (text.isEmpty()) {
                return null;
            }
            try {
                BigDecimal amount = new BigDecimal(text);
                if (amount.stripTrailingZeros().scale() > 2) {
                    problem(key, com.bonusdesk.calculation.Explanation.of("plan.invalid.cents"));
                }
                return amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY);
            } catch (NumberFormatException e) {
                problem(key, com.bonusdesk.calculation.Explanation.of("plan.invalid.number"));
                return null;
            }
        }

        BigDecimal percent(String key) {
            BigDecimal rate = optionalPercent(key);
            if (rate == null && !problems.containsKey(key)) {
                problem(key, com.bonusdesk.calculation.Explanation.of("plan.invalid.required"));
            }
            return rate == null ? BigDecimal.ZERO : rate;
        }

        BigDecimal optionalPercent(String key) {
            String text = text(key).replace("%", "").strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                BigDecimal percent = new BigDecimal(text);
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problem(key, com.bonusdesk.calculation.Explanation.of("plan.invalid.rate"));
                }
                return percent.movePointLeft(2);
            } catch (NumberFormatException e) {
                problem(key, com.bonusdesk.calculation.Explanation.of("plan.invalid.number"));
                return null;
            }
        }

        boolean bool(String key) {
            return Boolean.parseBoolean(text(key));
        }

        Cap cap() {
            BigDecimal share = optionalPercent("cap.shareOfBase");
            BigDecimal amount = optionalMoney("cap.amount");
            return share == null && amount == null ? null : new Cap(share, amount);
        }

        /** The rows of table {@code name} that have anything typed in them, noted for {@link #formKey}. */
        List<Integer> table(Map<String, List<Integer>> tables, String name, String firstSuffix, String secondSuffix) {
            List<Integer> rows = rows(name + ".", firstSuffix, secondSuffix);
            tables.put(name, rows);
            return rows;
        }

        /** The indexes of the rows of a table that have anything typed in them. */
        List<Integer> rows(String prefix, String firstSuffix, String secondSuffix) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; values.containsKey(prefix + i + firstSuffix) || values.containsKey(prefix + i + secondSuffix); i++) {
                if (!text(prefix + i + firstSuffix).isEmpty() || !text(prefix + i + secondSuffix).isEmpty()) {
                    rows.add(i);
                }
            }
            return rows;
        }
    }
}
