package io.qnt9.srs.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link CurrentUser} controller parameter from the request's access token; 401 without one. */
final class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public CurrentUser resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            throw AccountProblems.unauthorized();
        }
        return of(token.getToken());
    }

    static CurrentUser of(Jwt jwt) {
        long id;
        try {
            id = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw AccountProblems.accountGone();
        }
        List<Role> roles = new ArrayList<>(2);
        List<String> claimed = jwt.getClaimAsStringList(AccessTokens.ROLES);
        if (claimed != null) {
            for (String r : claimed) {
                for (Role role : Role.values()) {
                    if (role.name().equals(r)) {
                        roles.add(role);
                    }
                }
            }
        }
        Tier tier = Tier.parse(jwt.getClaimAsString(AccessTokens.TIER));
        return new CurrentUser(
                id, jwt.getClaimAsString(AccessTokens.EMAIL), List.copyOf(roles), tier == null ? Tier.FREE : tier);
    }
}
