package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import org.springframework.http.HttpStatus;

/** 422: the request needs more history than is stored; says how many bars are needed and how many there are. */
public class InsufficientDataException extends ApiException {

    public InsufficientDataException(String detail, int required, int available) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-data", "Not enough history", detail);
        with("required", required);
        with("available", Math.max(0, available));
    }
}
