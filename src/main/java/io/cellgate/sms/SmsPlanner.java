package io.cellgate.sms;

import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import java.util.HexFormat;

/** Checks what a send request asks for and plans its parts; every refusal names the field. */
final class SmsPlanner {
    private SmsPlanner() {
    }

    static MessageParts plan(SendSmsRequest request, int reference) {
        if ((request.text() == null) == (request.binary() == null)) {
            throw ProblemException.invalid("text", "give exactly one of text and binary");
        }
        MessageParts planned = request.text() != null ? text(request, reference) : binary(request, reference);
        if (planned == null) {
            throw new ProblemException(ProblemType.SMS_TOO_LONG, "The message needs more than "
                    + MessageParts.MAX_PARTS + " parts; send it as several messages");
        }
        return planned;
    }

    private static MessageParts text(SendSmsRequest request, int reference) {
        if (request.udh() != null || request.dataCoding() != null) {
            throw ProblemException.invalid(request.udh() != null ? "udh" : "data_coding",
                    "is for binary messages only");
        }
        SendSmsRequest.TextEncoding asked = request.encoding() == null ? SendSmsRequest.TextEncoding.AUTO
                : request.encoding();
        int unencodable = Gsm7.firstUnencodable(request.text());
        if (asked == SendSmsRequest.TextEncoding.GSM7 && unencodable >= 0) {
            throw ProblemException.invalid("text", "the character U+" + String.format("%04X",
                    request.text().codePointAt(unencodable)) + " at index " + unencodable
                    + " is not in the GSM 7-bit alphabet; use encoding ucs2 or auto");
        }
        SmsEncoding encoding = asked == SendSmsRequest.TextEncoding.UCS2 || unencodable >= 0 ? SmsEncoding.UCS2
                : SmsEncoding.GSM7;
        return MessageParts.text(request.text(), encoding, reference);
    }

    private static MessageParts binary(SendSmsRequest request, int reference) {
        if (request.encoding() != null) {
            throw ProblemException.invalid("encoding", "is for text messages only");
        }
        byte[] udh = hex(request.udh());
        if (udh != null && (udh[0] & 0xFF) != udh.length - 1) {
            throw ProblemException.invalid("udh", "its first octet must be the length of the rest ("
                    + (udh.length - 1) + ")");
        }
        int dataCoding = request.dataCoding() == null ? SmsEncoding.BINARY.dataCoding() : request.dataCoding();
        return MessageParts.binary(hex(request.binary()), udh, dataCoding, reference);
    }

    static byte[] hex(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }
}
