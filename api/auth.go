package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

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
			httpx.Abort(c, model.E(model.EUnauthorized, "api", "未登录：请先调用 /api/v1/login 并携带 Authorization: Bearer 令牌"))
			return
		}
		u, err := db.UserByToken(c.Request.Context(), token)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		httpx.SetUser(c, u, "api")
		c.Next()
	}
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
			httpx.Abort(c, err)
			return
		}
		u, err := db.Authenticate(c.Request.Context(), req.Username, req.Password)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		expires := db.Now().Add(ttl)
		token, err := db.IssueToken(c.Request.Context(), u.ID, ttl)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		c.JSON(http.StatusOK, loginResponse{Token: token, ExpiresAt: expires, User: toUserJSON(u)})
	}
}

// handleLogout revokes the request's token.
func handleLogout(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := db.RevokeToken(c.Request.Context(), bearerToken(c)); err != nil {
			httpx.Abort(c, err)
			return
		}
		c.Status(http.StatusNoContent)
	}
}

// handleMe returns the logged-in user.
func handleMe() gin.HandlerFunc {
	return func(c *gin.Context) { c.JSON(http.StatusOK, toUserJSON(httpx.CurrentUser(c))) }
}

// handleUsers lists every user.
func handleUsers(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		us, err := db.ListUsers(c.Request.Context())
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		out := items[userJSON]{Items: make([]userJSON, len(us))}
		for i, u := range us {
			out.Items[i] = toUserJSON(u)
		}
		c.JSON(http.StatusOK, out)
	}
}
