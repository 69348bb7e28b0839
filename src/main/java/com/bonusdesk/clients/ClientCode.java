package com.bonusdesk.clients;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What identifies a client: an organisation's unified social credit code (统一社会信用代码, GB 32100-2015,
 * 18 characters ending in a check character) or a private person's mainland mobile number.
 */
public record ClientCode(String value, Kind kind) {

    public enum Kind {
        ORGANISATION,
        PERSON
    }

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** The code as typed, without spaces, upper case; empty when it is neither a valid code nor a mobile number. */
    public static Optional<ClientCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (MOBILE.matcher(code).matches()) {
            return Optional.of(new ClientCode(code, Kind.PERSON));
        }
        if (code.length() == 18 && checkCharacter(code.substring(0, 17)).map(c -> c == code.charAt(17)).orElse(false)) {
            return Optional.of(new ClientCode(code, Kind.ORGANISATION));
        }
        return Optional.empty();
    }

    /** The check character for the first 17 characters, or empty when one of them is not allowed. */
    static Optional<Character> checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARACTERS.indexOf(first17.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return Optional.of(CHARACTERS.charAt(check == 31 ? 0 : check));
    }

    @Override
    public String toString() {
        return value;
    }
}
