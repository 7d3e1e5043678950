package httpx

import (
	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/model"
)

// Where the request's user and the audit source of its changes live in a
// gin.Context.
const (
	userKey   = "captrack.user"
	sourceKey = "captrack.source"
)

// SetUser records the authenticated user of a request and the audit
// source of the changes it makes: "api", or "ui" for the web pages.
func SetUser(c *gin.Context, u model.User, source string) {
	c.Set(userKey, u)
	c.Set(sourceKey, source)
}

// LoggedIn reports whether the request has an authenticated user.
func LoggedIn(c *gin.Context) bool {
	_, ok := c.Get(userKey)
	return ok
}

// CurrentUser returns the authenticated user of a request; only handlers
// behind the token or session check call it.
func CurrentUser(c *gin.Context) model.User {
	u, _ := c.Get(userKey)
	user, _ := u.(model.User)
	return user
}

// Actor is the audit actor of a request.
func Actor(c *gin.Context) model.Actor {
	return model.Actor{User: CurrentUser(c).Name, Source: c.GetString(sourceKey)}
}

// RequireRole lets through only users of one of roles.
func RequireRole(roles []string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !CurrentUser(c).HasRole(roles) {
			abort(c, model.E(model.EForbidden, "api", "当前角色无权执行此操作"))
			return
		}
		c.Next()
	}
}
