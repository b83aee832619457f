package io.hallwatch.marketing.domain.customers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    @Test
    void each_line_becomes_a_map_from_the_header_names() {
        List<Map<String, String>> rows = CsvReader.read("customerRef,spendBand\nC-1,HIGH\nC-2,LOW\n");
        assertEquals(List.of(Map.of("customerRef", "C-1", "spendBand", "HIGH"),
                Map.of("customerRef", "C-2", "spendBand", "LOW")), rows);
    }

    @Test
    void empty_cells_are_left_out_and_short_lines_are_allowed() {
        List<Map<String, String>> rows = CsvReader.read("customerRef,spendBand,groupRef\nC-1,,G-9\nC-2\n");
        assertEquals(Map.of("customerRef", "C-1", "groupRef", "G-9"), rows.get(0));
        assertEquals(Map.of("customerRef", "C-2"), rows.get(1));
    }

    @Test
    void quoted_cells_keep_commas_quotes_and_line_breaks() {
        List<Map<String, String>> rows = CsvReader.read("customerRef,currentPlan\r\nC-1,\"畅享, 58\"\"套餐\"\"\"\r\nC-2,\"two\nlines\"");
        assertEquals("畅享, 58\"套餐\"", rows.get(0).get("currentPlan"));
        assertEquals("two\nlines", rows.get(1).get("currentPlan"));
    }

    @Test
    void a_byte_order_mark_and_blank_lines_are_ignored() {
        List<Map<String, String>> rows = CsvReader.read("\uFEFFcustomerRef\n\nC-1\n\n");
        assertEquals(List.of(Map.of("customerRef", "C-1")), rows);
        assertEquals(List.of("customerRef"), CsvReader.header("\uFEFFcustomerRef\nC-1"));
    }

    @Test
    void an_empty_text_has_no_rows() {
        assertTrue(CsvReader.read("").isEmpty());
        assertTrue(CsvReader.read(null).isEmpty());
        assertTrue(CsvReader.read("customerRef\n").isEmpty());
    }

    @Test
    void broken_shapes_are_refused() {
        assertThrows(CsvReader.CsvFormatException.class, () -> CsvReader.read("a,b\n1,2,3\n"));
        assertThrows(CsvReader.CsvFormatException.class, () -> CsvReader.read("a,\"b\n1,2\n"));
        assertThrows(CsvReader.CsvFormatException.class, () -> CsvReader.read("a,a\n1,2\n"));
        assertThrows(CsvReader.CsvFormatException.class, () -> CsvReader.read("a,,c\n1,2,3\n"));
    }
}
