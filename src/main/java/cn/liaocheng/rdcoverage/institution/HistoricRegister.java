package cn.liaocheng.rdcoverage.institution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The historic register (issue #19): institutions the city recognised before the service went live, each with the
 * date of its recognition. Loaded all or nothing: one problem anywhere and nothing is stored.
 */
public record HistoricRegister(@NotNull @Size(min = 1, max = 2000) List<@Valid @NotNull Entry> institutions) {

    /** One recognised institution as declared, and the date the city recognised it (not after today). */
    @Schema(name = "HistoricRegisterEntry")
    public record Entry(@NotNull @Valid InstitutionInput institution, @NotNull LocalDate recognizedOn) {
    }

    /** What was stored: the new institutions' ids, in the order given. */
    @Schema(name = "HistoricRegisterResult")
    public record Result(int created, List<String> ids) {
    }
}
