package cn.liaocheng.rdcoverage.eligibility.archfixture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.File;

/** Deliberate violation, used only to prove that the architecture rules catch it. */
public final class UsesAFramework {

    @JsonProperty("path")
    public String path(File file) {
        return file.getPath();
    }
}
