package io.cellgate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breaking-change check of scripts/contract: what it lets through, and what it stops. */
@Tag("unit")
class ContractCompatibilityTest {
    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");

    @Test
    void theContractIsCompatibleWithItself() {
        assertEquals(List.of(), ContractCompatibility.breaks(CONTRACT.toString(), CONTRACT.toString()));
    }

    @Test
    void aRemovedOperationIsABreak(@TempDir Path dir) throws Exception {
        String contract = Files.readString(CONTRACT);
        int start = contract.indexOf("\n  /api/v1/sms/{id}:");
        int end = contract.indexOf("\n  /", start + 5);
        Path without = dir.resolve("without.yaml");
        Files.writeString(without, contract.substring(0, start) + contract.substring(end));
        List<String> breaks = ContractCompatibility.breaks(CONTRACT.toString(), without.toString());
        assertTrue(breaks.contains("removed: GET /api/v1/sms/{id}"), breaks.toString());
        // adding it back (what the released contract lacked) is compatible
        assertEquals(List.of(), ContractCompatibility.breaks(without.toString(), CONTRACT.toString()));
    }

    @Test
    void makingAnOptionalRequestFieldRequiredIsABreak(@TempDir Path dir) throws Exception {
        String contract = Files.readString(CONTRACT);
        int schema = contract.indexOf("\n    SendSmsRequest:");
        assertTrue(schema > 0, "the contract has SendSmsRequest");
        String stricter = contract.substring(0, schema) + "\n    SendSmsRequest:\n      required:\n      - encoding"
                + contract.substring(schema + "\n    SendSmsRequest:".length());
        Path changed = dir.resolve("stricter.yaml");
        Files.writeString(changed, stricter);
        assertTrue(ContractCompatibility.breaks(CONTRACT.toString(), changed.toString()).stream()
                .anyMatch(b -> b.contains("POST /api/v1/sims/{iccid}/sms")));
    }
}
