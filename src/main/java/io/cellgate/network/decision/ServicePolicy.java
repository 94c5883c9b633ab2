package io.cellgate.network.decision;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The voice and SMS part of a SIM's effective policy, compiled once and shared by every SIM whose policy is the same,
 * for online charging: whether calls are allowed and with which numbers, the SMS switches, and the monthly limits.
 *
 * @param voiceNumbers   numbers or E.164 prefixes calls may go to or come from; empty: any
 * @param p2pNumbers     where person-to-person SMS is allowed: the only numbers, prefixes or short codes; empty: any
 * @param voiceLimit     the monthly voice limit in seconds; -1: none
 * @param smsLimit       the monthly SMS limit (both directions); -1: none
 */
public record ServicePolicy(boolean voiceEnabled, List<String> voiceNumbers, boolean smsMo, boolean smsMt,
                            boolean p2pBlocked, List<String> p2pNumbers, long voiceLimit,
                            List<Integer> voiceWarnPercents, long smsLimit, List<Integer> smsWarnPercents) {

    /** Compiles the effective policy document; what it leaves out is the defaults': no voice, no P2P SMS. */
    public static ServicePolicy of(Map<String, Object> policy) {
        Map<String, Object> voice = PolicyMembers.member(policy, "voice");
        Map<String, Object> sms = PolicyMembers.member(policy, "sms");
        Map<String, Object> limits = PolicyMembers.member(policy, "limits");
        Map<String, Object> voiceLimit = PolicyMembers.member(limits, "voice_seconds");
        Map<String, Object> smsLimit = PolicyMembers.member(limits, "sms_count");
        return new ServicePolicy(Boolean.TRUE.equals(voice.get("enabled")),
                PolicyMembers.strings(voice.get("allowed_numbers")), !Boolean.FALSE.equals(sms.get("mo_enabled")),
                !Boolean.FALSE.equals(sms.get("mt_enabled")), !Boolean.FALSE.equals(sms.get("p2p_blocked")),
                PolicyMembers.strings(sms.get("p2p_allowed_numbers")), PolicyMembers.limit(voiceLimit),
                PolicyMembers.warnPercents(voiceLimit), PolicyMembers.limit(smsLimit),
                PolicyMembers.warnPercents(smsLimit));
    }

    /** A call to or from this number (E.164 with '+', or digits) is on the allow-list, or there is none. */
    public boolean callAllowedWith(String number) {
        return voiceNumbers.isEmpty() || number != null && matches(voiceNumbers, number);
    }

    /** A person-to-person SMS with this address (number or short code) is on the allow-list, or there is none. */
    public boolean p2pAllowedWith(String address) {
        return p2pNumbers.isEmpty() || address != null && matches(p2pNumbers, address);
    }

    private static boolean matches(List<String> allowed, String address) {
        String digits = address.toLowerCase(Locale.ROOT).replace("+", "");
        for (String entry : allowed) {
            if (digits.startsWith(entry.replace("+", ""))) {
                return true;
            }
        }
        return false;
    }
}
