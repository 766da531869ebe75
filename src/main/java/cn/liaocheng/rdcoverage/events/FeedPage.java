package cn.liaocheng.rdcoverage.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the feed; ask again with after={next} (also when items is empty) to follow it. */
public record FeedPage(List<FeedEvent> items,
                       @Schema(description = "the cursor to pass as after= next time; never behind the one given") String next) {
}
