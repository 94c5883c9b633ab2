package io.cellgate.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message as the parts it is submitted in: each part's short_message is its UDH (when it has one) and its user
 * data. A text that does not fit one message is split into concatenated parts (3GPP TS 23.040, 9.2.3.24.1: the UDH
 * 05 00 03 reference count number): 153 GSM 7-bit septets or 67 UCS-2 units each, never splitting an escape sequence
 * or a surrogate pair. A binary message that does not fit has the same information element added to its own UDH.
 */
record MessageParts(SmsEncoding encoding, int dataCoding, List<byte[]> parts) {
    static final int MAX_PARTS = 10;
    static final int MAX_OCTETS = 140;
    private static final int CONCAT_IE_LENGTH = 5;

    boolean hasUdh() {
        return parts.size() > 1;
    }

    /**
     * The parts of a text in the given encoding (GSM7 or UCS2), or null when it needs more than {@link #MAX_PARTS}.
     */
    static MessageParts text(String text, SmsEncoding encoding, int reference) {
        List<String> chunks = encoding == SmsEncoding.GSM7 ? gsmChunks(text) : ucs2Chunks(text);
        if (chunks.size() > MAX_PARTS) {
            return null;
        }
        List<byte[]> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] data = encoding == SmsEncoding.GSM7 ? Gsm7.encode(chunks.get(i))
                    : chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            parts.add(chunks.size() == 1 ? data : withUdh(new byte[0], reference, chunks.size(), i + 1, data));
        }
        return new MessageParts(encoding, encoding.dataCoding(), parts);
    }

    /**
     * The parts of octets with an optional UDH of the caller's (its length octet first), or null when they need more
     * than {@link #MAX_PARTS}.
     */
    static MessageParts binary(byte[] payload, byte[] udh, int dataCoding, int reference) {
        byte[] elements = udh == null ? new byte[0] : Arrays.copyOfRange(udh, 1, udh.length);
        if ((udh == null ? 0 : udh.length) + payload.length <= MAX_OCTETS) {
            byte[] single = udh == null ? payload : concat(udh, payload);
            return new MessageParts(SmsEncoding.BINARY, dataCoding, List.of(single));
        }
        int room = MAX_OCTETS - 1 - elements.length - CONCAT_IE_LENGTH;
        int count = room <= 0 ? Integer.MAX_VALUE : (payload.length + room - 1) / room;
        if (count > MAX_PARTS) {
            return null;
        }
        List<byte[]> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] chunk = Arrays.copyOfRange(payload, i * room, Math.min(payload.length, (i + 1) * room));
            parts.add(withUdh(elements, reference, count, i + 1, chunk));
        }
        return new MessageParts(SmsEncoding.BINARY, dataCoding, parts);
    }

    /** Splits a GSM text into chunks of whole characters: 160 septets alone, else 153 per part. */
    private static List<String> gsmChunks(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += Gsm7.septets(text.charAt(i));
        }
        if (total <= SmsEncoding.GSM7.singleCapacity()) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            int width = Gsm7.septets(text.charAt(i));
            if (septets + width > SmsEncoding.GSM7.partCapacity()) {
                chunks.add(text.substring(start, i));
                start = i;
                septets = 0;
            }
            septets += width;
        }
        chunks.add(text.substring(start));
        return chunks;
    }

    /** Splits a text into UTF-16 chunks: 70 units alone, else 67 per part, a surrogate pair kept whole. */
    private static List<String> ucs2Chunks(String text) {
        if (text.length() <= SmsEncoding.UCS2.singleCapacity()) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + SmsEncoding.UCS2.partCapacity());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    private static byte[] withUdh(byte[] elements, int reference, int count, int number, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_OCTETS + 20);
        out.write(elements.length + CONCAT_IE_LENGTH);
        out.writeBytes(elements);
        out.writeBytes(new byte[] {0x00, 0x03, (byte) reference, (byte) count, (byte) number});
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
