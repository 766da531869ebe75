package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "FollowUp")
public record FollowUpView(String id, String creditCode, LocalDate visitedOn, String by, BuildMode plannedBuildMode,
                           LocalDate expectedBy, List<Obstacle> obstacles, String note, String recordedBy,
                           String recorderRole, Instant recordedAt) {
}
