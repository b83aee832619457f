package io.hallwatch.marketing.domain.customers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the rows of a CRM extract (CSV or JSON, already split into field → text) into customer
 * profiles, or refuses the whole extract. It is the gate that keeps personal data out of the
 * marketing database: a column that names a phone, a name or an address is refused outright, and so
 * is a reference or plan text that holds a phone-number-like run of digits.
 */
public final class ProfileImport {

    public static final String CUSTOMER_REF = "customerRef";
    public static final String CURRENT_PLAN = "currentPlan";
    public static final String SPEND_BAND = "spendBand";
    public static final String DATA_USED_MB = "dataUsedMb";
    public static final String DATA_ALLOWANCE_MB = "dataAllowanceMb";
    public static final String HAS_BROADBAND = "hasBroadband";
    public static final String CONTRACT_END = "contractEnd";
    public static final String GROUP_REF = "groupRef";
    public static final String MARKETING_OPT_OUT = "marketingOptOut";
    public static final String LAST_CONTACTS = "lastContacts";

    public static final List<String> FIELDS = List.of(CUSTOMER_REF, CURRENT_PLAN, SPEND_BAND, DATA_USED_MB,
            DATA_ALLOWANCE_MB, HAS_BROADBAND, CONTRACT_END, GROUP_REF, MARKETING_OPT_OUT, LAST_CONTACTS);

    /** The same shape the ticket event's schema allows for customerRef. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9]{7,15}");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{7,}");
    private static final List<String> PERSONAL = List.of("phone", "mobile", "msisdn", "tel", "name", "email",
            "mail", "address", "addr", "idcard", "idnumber", "identity", "passport", "birth");
    private static final int MAX_VIOLATIONS = 100;
    private static final int MAX_CONTACTS = 50;
    private static final int MAX_PLAN_LENGTH = 60;

    private ProfileImport() {
    }

    /** Refuses a header with a column the profile does not have; CSV checks this before reading rows. */
    public static void checkColumns(List<String> columns) {
        List<ImportViolation> violations = new ArrayList<>();
        for (String column : columns) {
            checkFieldName(0, column, violations);
        }
        if (!violations.isEmpty()) {
            throw new ProfileImportException(violations);
        }
    }

    public static List<CustomerProfile> parse(List<Map<String, String>> rows, int maxRows) {
        List<ImportViolation> violations = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new ProfileImportException(List.of(new ImportViolation(0, "body", "the import holds no customer")));
        }
        if (rows.size() > maxRows) {
            throw new ProfileImportException(List.of(new ImportViolation(0, "body",
                    rows.size() + " rows exceed the limit of " + maxRows + " per import; send them in parts")));
        }
        List<CustomerProfile> profiles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size() && violations.size() < MAX_VIOLATIONS; i++) {
            int row = i + 1;
            CustomerProfile profile = parseRow(row, rows.get(i), violations);
            if (profile != null && !seen.add(profile.customerRef())) {
                violations.add(new ImportViolation(row, CUSTOMER_REF, "appears more than once in this import"));
            }
            profiles.add(profile);
        }
        if (!violations.isEmpty()) {
            throw new ProfileImportException(violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS)));
        }
        return profiles;
    }

    private static CustomerProfile parseRow(int row, Map<String, String> fields, List<ImportViolation> violations) {
        int before = violations.size();
        for (String name : fields.keySet()) {
            checkFieldName(row, name, violations);
        }
        String ref = reference(row, CUSTOMER_REF, fields.get(CUSTOMER_REF), true, violations);
        String plan = fields.get(CURRENT_PLAN);
        if (plan != null) {
            if (plan.length() > MAX_PLAN_LENGTH) {
                violations.add(new ImportViolation(row, CURRENT_PLAN, "longer than " + MAX_PLAN_LENGTH + " characters"));
            } else if (DIGIT_RUN.matcher(plan).find()) {
                violations.add(new ImportViolation(row, CURRENT_PLAN,
                        "holds a run of 7 or more digits, which may be a phone number; send the plan's name or code"));
            }
        }
        SpendBand band = enumValue(row, SPEND_BAND, fields.get(SPEND_BAND), SpendBand.class, violations);
        Long used = count(row, DATA_USED_MB, fields.get(DATA_USED_MB), violations);
        Long allowance = count(row, DATA_ALLOWANCE_MB, fields.get(DATA_ALLOWANCE_MB), violations);
        boolean broadband = bool(row, HAS_BROADBAND, fields.get(HAS_BROADBAND), violations);
        LocalDate contractEnd = date(row, CONTRACT_END, fields.get(CONTRACT_END), violations);
        String groupRef = reference(row, GROUP_REF, fields.get(GROUP_REF), false, violations);
        boolean optOut = bool(row, MARKETING_OPT_OUT, fields.get(MARKETING_OPT_OUT), violations);
        List<PastContact> contacts = contacts(row, fields.get(LAST_CONTACTS), violations);
        if (violations.size() > before) {
            return null;
        }
        return new CustomerProfile(ref, plan, band, used, allowance, broadband, contractEnd, groupRef, optOut, contacts);
    }

    private static void checkFieldName(int row, String name, List<ImportViolation> violations) {
        if (FIELDS.contains(name)) {
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        boolean personal = PERSONAL.stream().anyMatch(lower::contains) || name.contains("电话") || name.contains("手机")
                || name.contains("姓名") || name.contains("地址") || name.contains("身份证");
        violations.add(new ImportViolation(row, name, personal
                ? "personal data is not accepted: marketing keeps no phone numbers, names or addresses"
                : "unknown field; the fields are " + String.join(", ", FIELDS)));
    }

    private static String reference(int row, String field, String value, boolean required, List<ImportViolation> violations) {
        if (value == null) {
            if (required) {
                violations.add(new ImportViolation(row, field, "is required"));
            }
            return null;
        }
        if (PHONE_LIKE.matcher(value).matches()) {
            violations.add(new ImportViolation(row, field,
                    "looks like a phone number; send the CRM's opaque reference instead"));
        } else if (!REFERENCE.matcher(value).matches()) {
            violations.add(new ImportViolation(row, field, "must be 1 to 64 letters, digits or . _ : -"));
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(int row, String field, String value, Class<E> type,
                                                   List<ImportViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new ImportViolation(row, field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Long count(int row, String field, String value, List<ImportViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                violations.add(new ImportViolation(row, field, "must not be negative"));
            }
            return n;
        } catch (NumberFormatException e) {
            violations.add(new ImportViolation(row, field, "must be a whole number of megabytes"));
            return null;
        }
    }

    private static boolean bool(int row, String field, String value, List<ImportViolation> violations) {
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> {
                return true;
            }
            case "false", "no", "n", "0" -> {
                return false;
            }
            default -> {
                violations.add(new ImportViolation(row, field, "must be true or false"));
                return false;
            }
        }
    }

    private static LocalDate date(int row, String field, String value, List<ImportViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new ImportViolation(row, field, "must be a date like 2026-12-31"));
            return null;
        }
    }

    /** {@code 2026-11-01/DATA-10G/DECLINED;2026-11-15}: day, then optionally offer and result. */
    private static List<PastContact> contacts(int row, String value, List<ImportViolation> violations) {
        if (value == null) {
            return List.of();
        }
        List<PastContact> contacts = new ArrayList<>();
        String[] entries = value.split(";", -1);
        if (entries.length > MAX_CONTACTS) {
            violations.add(new ImportViolation(row, LAST_CONTACTS, "more than " + MAX_CONTACTS + " contacts"));
            return List.of();
        }
        for (String entry : entries) {
            String[] parts = entry.trim().split("/", -1);
            if (entry.isBlank() || parts.length > 3) {
                violations.add(new ImportViolation(row, LAST_CONTACTS,
                        "each contact is day[/offerCode[/result]], contacts separated by ';'"));
                return List.of();
            }
            LocalDate on = date(row, LAST_CONTACTS, parts[0].trim(), violations);
            String offer = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : null;
            if (offer != null && !REFERENCE.matcher(offer).matches()) {
                violations.add(new ImportViolation(row, LAST_CONTACTS, "offer code '" + offer + "' is not a code"));
                return List.of();
            }
            ContactResult result = parts.length > 2 && !parts[2].isBlank()
                    ? enumValue(row, LAST_CONTACTS, parts[2].trim(), ContactResult.class, violations) : null;
            if (on != null) {
                contacts.add(new PastContact(on, offer, result));
            }
        }
        return contacts;
    }
}
