package io.cellgate.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.id.Imei;
import io.cellgate.common.json.JsonPaths;
import io.cellgate.common.net.Cidr;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a (partial) policy document and names every offending field under the given prefix. */
final class PolicyValidator {
    static final String PORTS_PATTERN = "^([0-9]{1,5})(-([0-9]{1,5}))?$";
    private static final int MAX_LIST = PolicyDocument.MAX_LIST;
    private static final Pattern APN = Pattern.compile(PolicyDocument.Apn.PATTERN);
    static final String NUMBER_PREFIX = "^\\+[1-9][0-9]{0,14}$";
    static final String NUMBER_OR_SHORT_CODE = "^\\+[1-9][0-9]{0,14}$|^[0-9]{3,8}$";
    private static final Pattern E164_OR_PREFIX = Pattern.compile(NUMBER_PREFIX);
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
    private static final Pattern PORTS = Pattern.compile(PORTS_PATTERN);

    private final String prefix;
    private final boolean forProfile;
    private final List<FieldError> errors = new ArrayList<>();

    private PolicyValidator(String prefix, boolean forProfile) {
        this.prefix = prefix;
        this.forProfile = forProfile;
    }

    /** Parses and checks; {@code forProfile} forbids what only a single SIM can have (an IMEI). */
    static PolicyDocument parse(ObjectMapper json, JsonNode node, String prefix, boolean forProfile) {
        if (node == null || node.isNull()) {
            return new PolicyDocument(null, null, null, null, null);
        }
        PolicyDocument document;
        try {
            document = json.treeToValue(node, PolicyDocument.class);
        } catch (JsonMappingException e) {
            String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "unknown field" : "wrong type or format";
            throw ProblemException.invalid(JsonPaths.join(prefix, JsonPaths.of(e)), message);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(prefix, "not a policy document");
        }
        PolicyValidator validator = new PolicyValidator(prefix, forProfile);
        validator.check(document);
        if (!validator.errors.isEmpty()) {
            throw ProblemException.invalid(validator.errors);
        }
        return document;
    }

    private void check(PolicyDocument policy) {
        if (policy.data() != null) {
            checkData(policy.data());
        }
        if (policy.sms() != null) {
            numbers(policy.sms().p2pAllowedNumbers(), "sms.p2p_allowed_numbers", true);
        }
        if (policy.voice() != null) {
            numbers(policy.voice().allowedNumbers(), "voice.allowed_numbers", false);
        }
        if (policy.limits() != null) {
            limit(policy.limits().dataBytes(), "limits.data_bytes", true);
            limit(policy.limits().smsCount(), "limits.sms_count", false);
            limit(policy.limits().voiceSeconds(), "limits.voice_seconds", false);
        }
        if (policy.imeiLock() != null) {
            checkImeiLock(policy.imeiLock());
        }
    }

    private void checkData(PolicyDocument.Data data) {
        if (size(data.apns(), "data.apns")) {
            for (int i = 0; i < data.apns().size(); i++) {
                String apn = data.apns().get(i);
                if (apn == null || !APN.matcher(apn).matches()) {
                    error("data.apns[" + i + "]", "an APN: letters, digits, '.' and '-', up to 100 characters");
                }
            }
        }
        if (size(data.destinations(), "data.destinations")) {
            for (int i = 0; i < data.destinations().size(); i++) {
                destination(data.destinations().get(i), "data.destinations[" + i + "]");
            }
        }
        if (data.throttleKbps() != null && (data.throttleKbps() < 8 || data.throttleKbps() > 10_000_000)) {
            error("data.throttle_kbps", "from 8 to 10000000");
        }
    }

    private void destination(PolicyDocument.Destination destination, String field) {
        if (destination == null || destination.cidr() == null) {
            error(field + ".cidr", "required");
            return;
        }
        try {
            Cidr.parse(destination.cidr());
        } catch (IllegalArgumentException e) {
            error(field + ".cidr", e.getMessage());
        }
        if (size(destination.ports(), field + ".ports")) {
            for (int i = 0; i < destination.ports().size(); i++) {
                if (!validPorts(destination.ports().get(i))) {
                    error(field + ".ports[" + i + "]", "a port (1-65535) or a range such as 5683-5684");
                }
            }
        }
    }

    private static boolean validPorts(String ports) {
        var matcher = ports == null ? null : PORTS.matcher(ports);
        if (matcher == null || !matcher.matches()) {
            return false;
        }
        int from = Integer.parseInt(matcher.group(1));
        int to = matcher.group(3) == null ? from : Integer.parseInt(matcher.group(3));
        return from >= 1 && to <= 65535 && from <= to;
    }

    private void numbers(List<String> numbers, String field, boolean shortCodes) {
        if (!size(numbers, field)) {
            return;
        }
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            boolean valid = number != null && (E164_OR_PREFIX.matcher(number).matches()
                    || (shortCodes && SHORT_CODE.matcher(number).matches()));
            if (!valid) {
                error(field + "[" + i + "]", shortCodes ? "an E.164 number or prefix (+49...) or a short code"
                        : "an E.164 number or prefix, e.g. +4940123456");
            }
        }
    }

    private void limit(PolicyDocument.UsageLimit limit, String field, boolean mayThrottle) {
        if (limit == null) {
            return;
        }
        if (limit.limit() == null || limit.limit() < 0 || limit.limit() > PolicyDocument.MAX_LIMIT) {
            error(field + ".limit", "required, 0 to " + PolicyDocument.MAX_LIMIT);
        }
        if (limit.action() == PolicyDocument.LimitAction.THROTTLE && !mayThrottle) {
            error(field + ".action", "only data can be throttled; use block");
        }
        if (size(limit.warnPercent(), field + ".warn_percent")) {
            var seen = new HashSet<Integer>();
            for (int i = 0; i < limit.warnPercent().size(); i++) {
                Integer percent = limit.warnPercent().get(i);
                if (percent == null || percent < 1 || percent > 100) {
                    error(field + ".warn_percent[" + i + "]", "from 1 to 100");
                } else if (!seen.add(percent)) {
                    error(field + ".warn_percent[" + i + "]", "duplicate");
                }
            }
        }
    }

    private void checkImeiLock(PolicyDocument.ImeiLock lock) {
        if (lock.mode() == null) {
            error("imei_lock.mode", "required: off, locked or lock_on_first_use");
            return;
        }
        if (forProfile && (lock.mode() == PolicyDocument.ImeiLockMode.LOCKED || lock.imei() != null)) {
            error("imei_lock", "a profile may say off or lock_on_first_use; a lock to one IMEI is set per SIM");
            return;
        }
        if (lock.mode() == PolicyDocument.ImeiLockMode.LOCKED) {
            String imeiError = imeiError(lock.imei());
            if (imeiError != null) {
                error("imei_lock.imei", imeiError);
            }
        } else if (lock.imei() != null) {
            error("imei_lock.imei", "only with mode locked");
        }
    }

    private boolean size(List<?> list, String field) {
        if (list == null) {
            return false;
        }
        if (list.size() > MAX_LIST) {
            error(field, "at most " + MAX_LIST + " entries");
            return false;
        }
        return true;
    }

    private void error(String field, String message) {
        errors.add(FieldError.of(JsonPaths.join(prefix, field), message));
    }

    /** Why {@code imei} cannot be a lock (a 15-digit IMEI with its Luhn check digit), or null when it can. */
    static String imeiError(String imei) {
        if (imei != null && imei.length() == 16) {
            return "must be the 15-digit IMEI, not an IMEISV";
        }
        return Imei.error(imei);
    }
}
