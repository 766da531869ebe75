package cn.liaocheng.rdcoverage.review.material;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.EntityTags;
import cn.liaocheng.rdcoverage.common.LargeBody;
import cn.liaocheng.rdcoverage.common.PageCsv;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** 申报材料 of an application: upload (multipart, streamed), list, download, remove. */
@Path("/api/v1/applications/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class AttachmentResource {
    @Inject AttachmentService attachments;
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.Names.ENTERPRISE)
    @LargeBody
    @Operation(operationId = "addAttachment", summary = "Add a file to the application's materials (multipart/form-data: file, kind, "
            + "optional note) while it is DRAFT or RETURNED (409 after SUBMIT). The type is judged from the bytes: PDF, JPEG, PNG, "
            + "OFD, DOCX or XLSX, else 415; at most rd.attachments.max-size (20 MB) per file, else 413 (a Content-Length over it is "
            + "refused before anything is read); at most rd.attachments.max-count files per application.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(
            name = "AttachmentUpload", type = SchemaType.OBJECT, requiredProperties = {"file", "kind"}, properties = {
            @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary",
                    description = "the document; its type is judged from the bytes (PDF, JPEG, PNG, OFD, DOCX, XLSX)"),
            @SchemaProperty(name = "kind", implementation = MaterialKind.class),
            @SchemaProperty(name = "note", type = SchemaType.STRING, maxLength = 1000)})))
    @APIResponse(responseCode = "201", description = "Created; ETag is the SHA-256 of the bytes",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentService.AttachmentView.class)))
    public Response add(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                        @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        attachments.checkLength(contentLength);
        // The body is streamed into the store, not hashed first: a retry is recognised by the same media type and
        // Content-Length. The multipart boundary is left out: a browser's FormData (and curl -F) draws a new one for
        // every send, of the same length, so a retry of the same file differs from the first request in it alone.
        Map<String, String> request = new LinkedHashMap<>();
        request.put("contentType", cn.liaocheng.rdcoverage.common.Idempotency.mediaTypeOf(contentType));
        request.put("contentLength", contentLength == null ? "chunked" : contentLength.trim());
        return idempotency.run(key, "POST", "/api/v1/applications/" + id + "/attachments", request, () -> {
            AttachmentService.AttachmentView v;
            try {
                v = attachments.upload(id, contentType, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Response.created(UriBuilder.fromPath("/api/v1/applications/{id}/attachments/{aid}").build(id, v.id()))
                    .tag(new EntityTag(v.sha256())).entity(v).build();
        });
    }

    @GET
    @io.quarkus.security.Authenticated // who reads is Scope's answer: the other roles get 404, as for an unknown id
    @Operation(operationId = "listAttachments", summary = "The application's materials, with the kinds the policy requires for its "
            + "build mode and those still missing. The enterprise, the county officer of the region, the city and the "
            + "application's assessors (404 outside their scope and for every other role: issue #17)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentService.AttachmentList.class)))
    public AttachmentService.AttachmentList list(@PathParam("id") String id) {
        return attachments.list(id);
    }

    /**
     * The same files as CSV ({@code Accept: text/csv}), one row per file as {@link PageCsv} writes every list: headers in
     * the Accept-Language (Chinese by default), named after the path, region and date. The required and missing kinds
     * are not rows of the list; they stay in the JSON answer. Merged into {@code listAttachments} in the contract.
     */
    @GET
    @Produces(CsvOutput.MEDIA_TYPE + ";qs=0.5")
    @io.quarkus.security.Authenticated // as the JSON list: Scope answers who reads
    @Operation(operationId = "listAttachmentsCsv", summary = "The application's materials as CSV")
    public Response listCsv(@PathParam("id") String id) {
        AttachmentService.AttachmentList list = attachments.list(id);
        // a Response, not the PageResult itself: the contract's CSV body is the text PageCsv writes, not another schema;
        // a GenericEntity keeps the item type, so that an empty list still has its header row
        PageResult<AttachmentService.AttachmentView> page = new PageResult<>(list.items(), list.page(), list.size(), list.total());
        return Response.ok(new GenericEntity<>(page) { }).build();
    }

    @GET
    @Path("/{aid}")
    @Produces(MediaType.WILDCARD)
    @io.quarkus.security.Authenticated // who reads is Scope's answer: the other roles get 404, as for an unknown id
    @Operation(operationId = "getAttachment", summary = "Download a file: its sniffed Content-Type, ETag = SHA-256 of the bytes, "
            + "Content-Disposition with the original (Chinese) file name as RFC 6266 filename*")
    @APIResponse(responseCode = "200", description = "The file's bytes, exactly as uploaded", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ContentSniffer.OFD, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ContentSniffer.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ContentSniffer.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response download(@PathParam("id") String id, @PathParam("aid") String aid,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AttachmentService.AttachmentView v = attachments.get(id, aid);
        EntityTag tag = new EntityTag(v.sha256());
        if (EntityTags.noneMatchFails(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        StreamingOutput body = out -> attachments.copy(v.id(), out);
        return Response.ok(body, v.mediaType()).tag(tag).header(HttpHeaders.CONTENT_LENGTH, v.size())
                .header("Content-Disposition", disposition(v.fileName()))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @DELETE
    @Path("/{aid}")
    @RolesAllowed(Role.Names.ENTERPRISE)
    @Operation(operationId = "deleteAttachment", summary = "Remove a file while the application is DRAFT or RETURNED (409 after SUBMIT)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") String id, @PathParam("aid") String aid) {
        attachments.delete(id, aid);
        return Response.noContent().build();
    }

    /** RFC 6266: an ASCII fallback in filename, the real name in filename* (RFC 8187, UTF-8, percent-encoded). */
    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
