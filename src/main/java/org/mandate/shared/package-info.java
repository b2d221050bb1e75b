/** The shared kernel: small value types every module may use (CSV input, paging, input problems). */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.mandate.shared;
