package io.cellgate.network.smpp;

import java.util.Map;

/** SMPP 3.4 command_status values (5.1.3) by name, and which of them mean "not now" rather than "never". */
final class SmppStatus {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "ESME_ROK"), Map.entry(0x01, "ESME_RINVMSGLEN"), Map.entry(0x02, "ESME_RINVCMDLEN"),
            Map.entry(0x03, "ESME_RINVCMDID"), Map.entry(0x04, "ESME_RINVBNDSTS"), Map.entry(0x08, "ESME_RSYSERR"),
            Map.entry(0x0A, "ESME_RINVSRCADR"), Map.entry(0x0B, "ESME_RINVDSTADR"), Map.entry(0x0C, "ESME_RINVMSGID"),
            Map.entry(0x14, "ESME_RMSGQFUL"), Map.entry(0x33, "ESME_RINVNUMDESTS"), Map.entry(0x40, "ESME_RINVDESTFLAG"),
            Map.entry(0x43, "ESME_RINVESMCLASS"), Map.entry(0x45, "ESME_RSUBMITFAIL"),
            Map.entry(0x48, "ESME_RINVSRCTON"), Map.entry(0x49, "ESME_RINVSRCNPI"), Map.entry(0x50, "ESME_RINVDSTTON"),
            Map.entry(0x51, "ESME_RINVDSTNPI"), Map.entry(0x58, "ESME_RTHROTTLED"), Map.entry(0x61, "ESME_RINVSCHED"),
            Map.entry(0x62, "ESME_RINVEXPIRY"), Map.entry(0x64, "ESME_RX_T_APPN"), Map.entry(0x65, "ESME_RX_P_APPN"),
            Map.entry(0x66, "ESME_RX_R_APPN"), Map.entry(0xFE, "ESME_RDELIVERYFAILURE"),
            Map.entry(0xFF, "ESME_RUNKNOWNERR"));

    private SmppStatus() {
    }

    /** The status's name, or ESME_OTHER for one this list does not know (a bounded label and error value). */
    static String name(int status) {
        return NAMES.getOrDefault(status, "ESME_OTHER");
    }

    /** Throttled, queue full, a system error or a temporary application error: the part is tried again. */
    static boolean isTransient(int status) {
        return status == 0x58 || status == 0x14 || status == 0x08 || status == 0x64;
    }
}
