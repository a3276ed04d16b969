package io.qnt9.srs.marketdata;

/**
 * International Securities Identification Numbers (ISO 6166): two letters, nine alphanumerics, one check digit
 * computed with the Luhn algorithm over the digits obtained by replacing each letter with its value 10–35.
 */
public final class Isin {

    private Isin() {}

    /** True for 12 characters of the right shape; says nothing about the check digit. */
    public static boolean hasShape(String s) {
        if (s == null || s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (i < 2 ? !letter : i == 11 ? !digit : !(letter || digit)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} has the shape of an ISIN and its check digit is right. */
    public static boolean isValid(String s) {
        return hasShape(s) && checkDigit(s.substring(0, 11)) == s.charAt(11) - '0';
    }

    /** The check digit for the first 11 characters of an ISIN. */
    public static int checkDigit(String first11) {
        StringBuilder digits = new StringBuilder(22);
        for (int i = 0; i < first11.length(); i++) {
            char c = first11.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
        }
        int sum = 0;
        boolean doubleIt = true; // rightmost digit of the payload is doubled
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
