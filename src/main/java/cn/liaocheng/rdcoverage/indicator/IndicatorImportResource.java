package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.common.LargeBody;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportReport;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportSource;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

@Path("/api/v1/institutions/indicators/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
public class IndicatorImportResource {
    @Inject IndicatorImporter importer;
    @Inject Idempotency idempotency;
    @Inject Caller caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "importIndicators", summary = "Bulk upsert of yearly indicators by institution and year",
            description = "An xlsx workbook (first sheet), a JSON array or NDJSON, CSV or tab-separated text (UTF-8, UTF-16 or GBK/GB18030: a BOM "
                    + "decides, then the charset label, else detected), as the body or as one file part of multipart/form-data; "
                    + "read as the enterprise import reads its lists. Headers in English (institutionId, year, patentApplications, "
                    + "inventionPatentApplications, patentsGranted, newProducts) or Chinese (研发机构编号, 年度, 专利申请数, "
                    + "发明专利申请数, 专利授权数, 新产品新工艺数; a unit such as （件） is ignored; see import/dictionary.tsv). "
                    + "By default any invalid row means nothing is written (422 listing every rejected row, also on a dry run); "
                    + "mode=partial keeps the valid rows; dryRun=true writes nothing. With an Idempotency-Key the body is "
                    + "buffered and a retry of the same file gets the first answer.")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @LargeBody
    @RateLimited("imports")
    @APIResponse(responseCode = "200", description = "What the import did", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ImportReport.class)))
    public Response importRows(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam("Idempotency-Key") String key,
                               @Parameter(description = "validate and count only; nothing is written")
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @Parameter(description = "all-or-nothing (default) or partial",
                                       schema = @Schema(enumeration = {"all-or-nothing", "partial"}, defaultValue = "all-or-nothing"))
                               @QueryParam("mode") @DefaultValue("all-or-nothing") String mode,
                               InputStream body) {
        if (!mode.equals("partial") && !mode.equals("all-or-nothing")) {
            throw ApiException.invalid("mode", FieldMessage.of("must be all-or-nothing or partial", "field.INVALID_VALUE.mode", mode));
        }
        boolean partial = mode.equals("partial");
        if (key == null || key.isBlank()) {
            // streamed; the importer runs its own transactions
            return Response.ok(importer.run(ImportSource.of(contentType, body), dryRun, partial, caller.subject())).build();
        }
        return importOnce(key, contentType, body, dryRun, mode, partial);
    }

    /**
     * An import under an Idempotency-Key: the body buffered, and the request known by its media type, the SHA-256 of
     * its bytes, dryRun and mode, so that a retry of the same file gets the first answer.
     */
    private Response importOnce(String key, String contentType, InputStream body, boolean dryRun, String mode, boolean partial) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a multipart retry draws a new boundary: it is left out of both the media type and the hashed bytes
        String boundary = Idempotency.boundaryOf(contentType);
        byte[] hashed = boundary == null ? bytes
                : new String(bytes, StandardCharsets.ISO_8859_1).replace(boundary, "").getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> request = Map.of("contentType", String.valueOf(Idempotency.mediaTypeOf(contentType)), "sha256", sha256(hashed),
                "dryRun", dryRun, "mode", mode);
        return idempotency.run(key, "POST", "/api/v1/institutions/indicators/import", request, () -> Response.ok(
                importer.run(ImportSource.of(contentType, new ByteArrayInputStream(bytes)), dryRun, partial, caller.subject())).build());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
