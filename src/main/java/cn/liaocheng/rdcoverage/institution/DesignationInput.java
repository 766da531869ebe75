package cn.liaocheng.rdcoverage.institution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A provincial or national designation as granted: {@code {"level", "program", "grantedOn"}}. */
public record DesignationInput(@NotNull DesignationLevel level, @NotBlank @Size(max = 100) String program,
                               @NotNull LocalDate grantedOn) {
}
