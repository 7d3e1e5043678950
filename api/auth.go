package api

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// userKey is where the authenticated user lives in a gin.Context.
const userKey = "captrack.user"

// setUser records the authenticated user of a request.
func setUser(c *gin.Context, u model.User) { c.Set(userKey, u) }

// currentUser returns the authenticated user of a request; only handlers
// behind requireToken (or the web session check) call it.
func currentUser(c *gin.Context) model.User {
	u, _ := c.Get(userKey)
	user, _ := u.(model.User)
	return user
}

// actor is the audit actor of a request: source "api", or "ui" when it
// came through the web pages.
func actor(c *gin.Context) store.Actor {
	src := c.GetString(sourceKey) // "ui" on web pages
	if src == "" {
		src = "api"
	}
	return store.Actor{User: currentUser(c).Name, Source: src}
}

// bearerToken returns the token of an "Authorization: Bearer …" header.
func bearerToken(c *gin.Context) string {
	h := c.GetHeader("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// requireToken lets through only requests with a live bearer token.
func requireToken(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		token := bearerToken(c)
		if token == "" {
			abort(c, model.E(model.EUnauthorized, "api", "未登录：请先调用 /api/v1/login 并携带 Authorization: Bearer 令牌"))
			return
		}
		u, err := db.UserByToken(c.Request.Context(), token)
		if err != nil {
			abort(c, err)
			return
		}
		setUser(c, u)
		c.Next()
	}
}

// requireRole lets through only users of one of roles.
func requireRole(roles []string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !slices.Contains(roles, currentUser(c).Role) {
			abort(c, model.E(model.EForbidden, "api", "当前角色无权执行此操作"))
			return
		}
		c.Next()
	}
}

// projectUnit returns the responsible unit of project id (404 if none).
func projectUnit(c *gin.Context, db *store.DB, id uint) (string, error) {
	p, err := db.GetProject(c.Request.Context(), id)
	return p.ResponsibleUnit, err
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type userJSON struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
	Unit string `json:"unit"`
}

func toUserJSON(u model.User) userJSON {
	return userJSON{ID: u.ID, Name: u.Name, Role: u.Role, Unit: u.Unit}
}

type loginResponse struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
	User      userJSON  `json:"user"`
}

// handleLogin exchanges a name and password for a bearer token.
func handleLogin(db *store.DB, ttl time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req loginRequest
		if err := decode(c, &req); err != nil {
			abort(c, err)
			return
		}
		u, err := db.Authenticate(c.Request.Context(), req.Username, req.Password)
		if err != nil {
			abort(c, err)
			return
		}
		expires := db.Now().Add(ttl)
		token, err := db.IssueToken(c.Request.Context(), u.ID, ttl)
		if err != nil {
			abort(c, err)
			return
		}
		c.JSON(http.StatusOK, loginResponse{Token: token, ExpiresAt: expires, User: toUserJSON(u)})
	}
}

// handleLogout revokes the request's token.
func handleLogout(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := db.RevokeToken(c.Request.Context(), bearerToken(c)); err != nil {
			abort(c, err)
			return
		}
		c.Status(http.StatusNoContent)
	}
}

// handleMe returns the logged-in user.
func handleMe() gin.HandlerFunc {
	return func(c *gin.Context) { c.JSON(http.StatusOK, toUserJSON(currentUser(c))) }
}

// handleUsers lists every user.
func handleUsers(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		us, err := db.ListUsers(c.Request.Context())
		if err != nil {
			abort(c, err)
			return
		}
		out := items[userJSON]{Items: make([]userJSON, len(us))}
		for i, u := range us {
			out.Items[i] = toUserJSON(u)
		}
		c.JSON(http.StatusOK, out)
	}
}
