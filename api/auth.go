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
func requireToken(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		token := bearerToken(c)
		if token == "" {
			return model.E(model.EUnauthorized, "api", "未登录：请先调用 /api/v1/login 并携带 Authorization: Bearer 令牌")
		}
		u, err := db.UserByToken(c.Request.Context(), token)
		if err != nil {
			return err
		}
		httpx.SetUser(c, u, "api")
		c.Next()
		return nil
	}
}

type loginRequest struct {
	Username string `json:"username" required:"true"`
	Password string `json:"password" required:"true"`
}

type userJSON struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
	Unit string `json:"unit" doc:"责任单位（项目负责人）"`
}

func toUserJSON(u model.User) userJSON {
	return userJSON{ID: u.ID, Name: u.Name, Role: u.Role, Unit: u.Unit}
}

type loginResponse struct {
	Token     string    `json:"token" doc:"Bearer 令牌"`
	ExpiresAt time.Time `json:"expires_at" doc:"令牌失效时间"`
	User      userJSON  `json:"user"`
}

// handleLogin exchanges a name and password for a bearer token.
func handleLogin(db *store.DB, ttl time.Duration) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req loginRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		u, err := db.Login(c.Request.Context(), req.Username, req.Password, c.ClientIP())
		if err != nil {
			return err
		}
		expires := db.Now().Add(ttl)
		token, err := db.IssueToken(c.Request.Context(), u.ID, ttl)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, loginResponse{Token: token, ExpiresAt: expires, User: toUserJSON(u)})
		return nil
	}
}

// handleLogout revokes the request's token.
func handleLogout(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		if err := db.RevokeToken(c.Request.Context(), bearerToken(c)); err != nil {
			return err
		}
		c.Status(http.StatusNoContent)
		return nil
	}
}

// handleMe returns the logged-in user.
func handleMe() httpx.HandlerFunc {
	return func(c *gin.Context) error {
		c.JSON(http.StatusOK, toUserJSON(httpx.CurrentUser(c)))
		return nil
	}
}

// handleUsers lists every user.
func handleUsers(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		us, err := db.ListUsers(c.Request.Context())
		if err != nil {
			return err
		}
		out := items[userJSON]{Items: make([]userJSON, len(us))}
		for i, u := range us {
			out.Items[i] = toUserJSON(u)
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}

type passwordChange struct {
	OldPassword string `json:"old_password" required:"true"`
	NewPassword string `json:"new_password" required:"true" doc:"至少 10 个字符，不能是常见密码，不能与用户名相同"`
}

// handlePassword changes the logged-in user's password; every token of
// the user, this one included, ends.
func handlePassword(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req passwordChange
		if err := decode(c, &req); err != nil {
			return err
		}
		if err := db.ChangePassword(c.Request.Context(), httpx.CurrentUser(c).Name, req.OldPassword, req.NewPassword); err != nil {
			return err
		}
		c.Status(http.StatusNoContent)
		return nil
	}
}
