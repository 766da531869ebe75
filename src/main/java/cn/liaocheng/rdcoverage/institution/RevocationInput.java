package cn.liaocheng.rdcoverage.institution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A revocation or delisting (被撤销或摘牌): it stops counting from {@code revokedOn} (that day included). */
public record RevocationInput(@NotNull LocalDate revokedOn, @NotBlank @Size(max = 500) String reason) {
}
