package dev.rekoface.examples.facelogin;

import dev.rekoface.examples.facelogin.FaceLoginService.Erasure;
import dev.rekoface.examples.facelogin.FaceLoginService.Login;
import dev.rekoface.examples.facelogin.FaceLoginService.Registration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API the page uses, also usable with curl:
 * {@code POST /api/register {"id", "image"}}, {@code POST /api/login {"image"}}, {@code POST /api/forget {"id"}}.
 * Bad input is answered 400 {@code {"error", "code"}} by {@link ApiErrors}.
 */
@RestController
@RequestMapping(path = "/api", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
public class FaceLoginController {
    private final FaceLoginService service;

    /**
     * Creates the controller.
     *
     * @param service the service
     */
    public FaceLoginController(FaceLoginService service) {
        this.service = service;
    }

    /**
     * Registers the face of a snapshot under an id, and keeps the snapshot.
     *
     * @param request {@code {"id": ID, "image": DATA_URL}}
     * @return {@code {"id", "faceId", "snapshot"}}
     */
    @PostMapping("/register")
    public Registration register(@RequestBody(required = false) RegisterRequest request) {
        RegisterRequest r = request == null ? new RegisterRequest(null, null) : request;
        return service.register(r.id(), r.image());
    }

    /**
     * Tells who is in a snapshot.
     *
     * @param request {@code {"image": DATA_URL}}
     * @return {@code {"recognized", "id", "similarity"}}
     */
    @PostMapping("/login")
    public Login login(@RequestBody(required = false) LoginRequest request) {
        return service.login(request == null ? null : request.image());
    }

    /**
     * Erases everything stored about a person.
     *
     * @param request {@code {"id": ID}}
     * @return {@code {"id", "facesDeleted", "userDeleted", "snapshotsDeleted"}}
     */
    @PostMapping("/forget")
    public Erasure forget(@RequestBody(required = false) ForgetRequest request) {
        return service.forget(request == null ? null : request.id());
    }

    /**
     * A registration request.
     *
     * @param id the person, any string
     * @param image a data URL
     */
    public record RegisterRequest(String id, String image) {
    }

    /**
     * A login request.
     *
     * @param image a data URL
     */
    public record LoginRequest(String image) {
    }

    /**
     * An erasure request.
     *
     * @param id the person
     */
    public record ForgetRequest(String id) {
    }
}
