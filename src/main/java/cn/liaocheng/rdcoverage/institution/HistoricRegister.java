package cn.liaocheng.rdcoverage.institution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The historic register (issue #19): institutions the city recognised before the service went live, each with the
 * date of its recognition. Loaded all or nothing: one problem anywhere and nothing is stored. The entries are checked
 * one by one by the service (HistoricEntries), so that one 400 lists every entry's problems, its constraints included.
 */
public record HistoricRegister(@NotNull @Size(min = 1, max = 2000) List<@NotNull Entry> institutions) {

    /**
     * One recognised institution as declared, and the date the city recognised it: from the policy's date
     * ({@code rd.historic-register.from}, 2020-04-26) to the day before go-live ({@code rd.historic-register.until},
     * 2025-12-31), and not after today.
     */
    @Schema(name = "HistoricRegisterEntry")
    public record Entry(@NotNull @Valid InstitutionInput institution, @NotNull LocalDate recognizedOn) {
    }

    /** What was stored: the new institutions' ids, in the order given. */
    @Schema(name = "HistoricRegisterResult")
    public record Result(int created, List<String> ids) {
    }
}
