package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.LargeBody;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportReport;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.RateLimited;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

@Path("/api/v1/institutions/indicators/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
public class IndicatorImportResource {
    @Inject
    IndicatorImporter importer;

    @Inject
    Caller caller;

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Bulk upsert of yearly indicators by institution and year",
            description = "CSV (UTF-8, UTF-8 with BOM, or GBK given as `charset=GBK`). Headers in English (institutionId, year, "
                    + "patentApplications, inventionPatentApplications, patentsGranted, newProducts) or Chinese (研发机构编号, 年度, "
                    + "专利申请数, 发明专利申请数, 专利授权数, 新产品新工艺数; a unit such as （件） is ignored). By default any invalid "
                    + "row means nothing is written (422 listing every rejected row); mode=partial keeps the valid rows; "
                    + "dryRun=true writes nothing.")
    @RolesAllowed(Role.CITY_OFFICER_)
    @LargeBody
    @RateLimited("imports")
    public ImportReport importRows(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   @Parameter(description = "validate and count only; nothing is written")
                                   @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                   @Parameter(description = "all-or-nothing (default) or partial")
                                   @QueryParam("mode") @DefaultValue("all-or-nothing") String mode,
                                   InputStream body) {
        if (!mode.equals("partial") && !mode.equals("all-or-nothing")) {
            throw ApiException.invalid("mode", "must be all-or-nothing or partial");
        }
        return importer.run(body, charset(MediaType.valueOf(contentType)), dryRun, mode.equals("partial"), caller.subject());
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset c = Charset.forName(name.trim());
            // GBK files are often GB18030 in truth; GB18030 reads both
            return c.name().equals("GBK") ? Charset.forName("GB18030") : c;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiException.invalid("Content-Type", "charset " + name + " is not supported");
        }
    }
}
